import { MAX_PHOTOS_PER_VISIT } from '@kampung/domain/visit-evidence';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PickedPhoto } from '../api/photos.api';
import { newPhotoId } from '../photo-size';

/** A photo in the visit form: being made small, ready (with its thumbnail), or not usable. */
export interface PhotoEntry {
  id: string;
  name: string;
  /** The size of the file as picked. */
  originalBytes: number;
  state: 'shrinking' | 'ready' | 'unreadable' | 'tooLarge';
  photo?: PickedPhoto;
  /** An object URL of the small JPEG, for the thumbnail (revoked when removed). */
  previewUrl?: string;
}

export interface PickedPhotos {
  entries: PhotoEntry[];
  /** Adds picked files (up to 10 in all); answers how many did not fit in. */
  add: (files: readonly File[]) => number;
  remove: (id: string) => void;
  /** The photos to send, in the order picked. */
  ready: PickedPhoto[];
  shrinking: boolean;
}

/** The visit form's photos, each made a JPEG of at most 300 KB on the phone as soon as it is picked
 * (the code that does it is fetched with the first photo). */
export function usePickedPhotos(): PickedPhotos {
  const [entries, setEntries] = useState<PhotoEntry[]>([]);
  const urls = useRef(new Map<string, string>());
  const removed = useRef(new Set<string>());
  const count = useRef(0);

  useEffect(() => {
    const made = urls.current;
    return () => {
      for (const url of made.values()) URL.revokeObjectURL(url);
      made.clear();
    };
  }, []);

  const update = (id: string, change: Partial<PhotoEntry>) => setEntries((all) => all.map((e) => (e.id === id ? { ...e, ...change } : e)));

  const add = useCallback((files: readonly File[]) => {
    const room = Math.max(0, MAX_PHOTOS_PER_VISIT - count.current);
    const taken = files.slice(0, room);
    count.current += taken.length;
    const added = taken.map((file): PhotoEntry => ({ id: newPhotoId(), name: file.name, originalBytes: file.size, state: 'shrinking' }));
    setEntries((all) => [...all, ...added]);
    added.forEach((entry, index) => {
      const file = taken[index]!;
      const takenAt = new Date(file.lastModified || Date.now()).toISOString();
      import('../shrink-photo')
        .then(async ({ shrinkPhoto }) => {
          const blob = await shrinkPhoto(file);
          // Removed while it was being made small: nothing to show.
          if (removed.current.has(entry.id)) return;
          const previewUrl = URL.createObjectURL(blob);
          urls.current.set(entry.id, previewUrl);
          update(entry.id, { state: 'ready', photo: { id: entry.id, blob, takenAt }, previewUrl });
        })
        .catch((error: unknown) => {
          const tooLarge = error instanceof Error && 'reason' in error && error.reason === 'tooLarge';
          update(entry.id, { state: tooLarge ? 'tooLarge' : 'unreadable' });
        });
    });
    return files.length - taken.length;
  }, []);

  const remove = useCallback((id: string) => {
    removed.current.add(id);
    count.current = Math.max(0, count.current - 1);
    const url = urls.current.get(id);
    if (url) URL.revokeObjectURL(url);
    urls.current.delete(id);
    setEntries((all) => all.filter((e) => e.id !== id));
  }, []);

  return {
    entries,
    add,
    remove,
    ready: entries.flatMap((e) => (e.state === 'ready' && e.photo ? [e.photo] : [])),
    shrinking: entries.some((e) => e.state === 'shrinking'),
  };
}
