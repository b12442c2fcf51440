import type { Locator, Page } from 'playwright-core';

/** What a visit carries besides its notes: photos (JPEG files, as the camera gives them) and the
 * phone's location. */
export interface VisitEvidenceInput {
  photos?: Buffer[];
  location?: boolean;
}

/** What a field worker sees of the work kept on the device: the status line ("Tanpa sinyal",
 * "Menunggu dikirim (3) · 2 foto"), the "Data per …" line and the forms' "saved on the device" notes. */
export class FieldWorkOffline {
  constructor(private readonly page: Page) {}

  readonly status = () => this.page.getByTestId('offline-status');
  readonly waiting = () => this.page.getByTestId('waiting-count');
  readonly dataAsOf = () => this.page.getByTestId('data-as-of');
  readonly refused = () => this.page.getByTestId('queued-refused');

  /** Waits until the status line says "Menunggu dikirim (n)", or "Menunggu dikirim (n) · p foto"
   * while photos wait too (a visit with its photos counts as one record). */
  async waitForWaiting(count: number, photos = 0): Promise<void> {
    const text = photos > 0 ? `^Menunggu dikirim \\(${count}\\) · ${photos} foto$` : `^Menunggu dikirim \\(${count}\\)$`;
    await this.waiting().filter({ hasText: new RegExp(text) }).waitFor();
  }

  /** Waits until nothing waits on the device any more (the line is gone: all sent). */
  async waitUntilAllSent(timeout = 60_000): Promise<void> {
    await this.waiting().waitFor({ state: 'detached', timeout });
  }

  /** Waits until the service worker has installed the app and controls the page. */
  async waitForServiceWorker(): Promise<void> {
    await this.page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await this.page.waitForFunction('navigator.serviceWorker.controller !== null');
  }

  /** Waits until the device keeps a copy of an API answer (the service worker's cache). */
  async waitUntilKept(path: string): Promise<void> {
    await this.page.waitForFunction(`caches.open('kampung-api').then((cache) => cache.match(${JSON.stringify(path)})).then(Boolean)`);
  }

  /** Logs a visit from the worklist card of a kampung (at `visitedOn`, a `datetime-local` value, or
   * now), with photos taken and the location when asked, and waits for either confirmation: recorded
   * by the server, or kept on the device. Returns which. */
  async logVisit(caseName: string, notes: string, visitedOn?: string, evidence: VisitEvidenceInput = {}): Promise<'server' | 'device'> {
    const caseLink = this.page.getByRole('link', { name: caseName, exact: true });
    const card = this.page.getByTestId('work-item').filter({ has: caseLink }).first();
    await card.getByRole('button', { name: 'Catat kunjungan', exact: true }).click();
    const form = card.getByRole('form', { name: 'Catat kunjungan' });
    if (visitedOn) await form.getByLabel('Waktu kunjungan', { exact: true }).fill(visitedOn);
    await form.getByLabel('Catatan', { exact: true }).fill(notes);
    const photos = evidence.photos ?? [];
    if (photos.length > 0) {
      await form.getByLabel('Ambil foto', { exact: true }).setInputFiles(photos.map((buffer, i) => ({ name: `kamera-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })));
      // Each is made small on the phone before the visit can be saved.
      await form.locator('[data-testid="picked-photo"][data-state="ready"]').nth(photos.length - 1).waitFor();
    }
    if (evidence.location) {
      await form.getByLabel('Sertakan lokasi', { exact: true }).check();
      await form.getByText(/^Lokasi tercatat: /).waitFor();
    }
    await form.getByRole('button', { name: 'Simpan kunjungan', exact: true }).click();
    // Recorded by the server, the worklist says so above (the card may leave the list once fulfilled).
    return this.confirmation(card, this.page.getByTestId('visit-logged').filter({ has: caseLink }));
  }

  /** Sends the monitoring form (already filled) and waits for either confirmation. */
  async submitReport(form: Locator): Promise<'server' | 'device'> {
    await form.getByRole('button', { name: 'Kirim laporan', exact: true }).click();
    return this.confirmation(form, this.page.getByRole('status').filter({ hasText: /^Laporan periode .* tersimpan/ }));
  }

  private async confirmation(scope: Locator, sent: Locator): Promise<'server' | 'device'> {
    const onDevice = scope.getByRole('status').filter({ hasText: 'Tersimpan di perangkat, akan dikirim saat ada sinyal.' });
    await onDevice.or(sent).first().waitFor();
    return (await onDevice.count()) > 0 ? 'device' : 'server';
  }
}
