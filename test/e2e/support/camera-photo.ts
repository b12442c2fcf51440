import type { Page } from 'playwright-core';

/**
 * A photo as a phone's camera makes it, drawn in the page (no binary file in the repository): 2400 ×
 * 1800 px, a sky over a field with a sensor's grain, a JPEG at quality 0.95, well over the 300 KB a
 * visit photo may have, so the app has to make it smaller. `seed` varies the grain.
 */
export async function cameraPhoto(page: Page, seed: number): Promise<Buffer> {
  const base64 = await page.evaluate<string>(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d');
    const scene = context.createLinearGradient(0, 0, 0, canvas.height);
    scene.addColorStop(0, '#6fa8dc');
    scene.addColorStop(0.55, '#d9e9f7');
    scene.addColorStop(0.56, '#6aa84f');
    scene.addColorStop(1, '#274e13');
    context.fillStyle = scene;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#b45f06';
    context.fillRect(900, 700, 600, 500);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    let state = ${Math.floor(seed) >>> 0} || 1;
    for (let i = 0; i < image.data.length; i += 4) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const grain = ((state >>> 24) - 128) >> 3;
      image.data[i] += grain;
      image.data[i + 1] += grain;
      image.data[i + 2] += grain;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  })()`);
  return Buffer.from(base64, 'base64');
}
