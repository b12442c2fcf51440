import i18n from '../../i18n';
import type { Refusal } from './write-queue';

/**
 * The words of work kept on the device, in both languages, added to the app's texts when this
 * module loads (with the first page that may save offline, never in the first download).
 */
const id = {
  savedOnDevice: 'Tersimpan di perangkat, akan dikirim saat ada sinyal.',
  noSignal: 'Tanpa sinyal',
  waiting_one: 'Menunggu dikirim ({{count}})',
  waiting_other: 'Menunggu dikirim ({{count}})',
  waitingWithPhotos: 'Menunggu dikirim ({{count}}) · {{photos}}',
  waitingPhotosOnly: 'Menunggu dikirim ({{photos}})',
  photoCount_one: '{{count}} foto',
  photoCount_other: '{{count}} foto',
  withPhotos: '{{record}} · {{photos}}',
  sending: 'Mengirim catatan yang menunggu…',
  dataAsOf: 'Data per {{time}}',
  listLabel: 'Catatan di perangkat',
  recorded: '{{kind}}, dicatat {{time}}',
  kinds: { photo: 'Foto kunjungan', visit: 'Kunjungan', report: 'Laporan monitoring', attendance: 'Presensi' },
  refusedTitle: '{{kind}} yang dicatat {{time}} tidak diterima',
  openCase: 'Buka kasus',
  dismiss: 'Tutup',
  refused: {
    CASE_ON_HOLD:
      'Kasus ini sedang ditangguhkan, jadi catatan tidak dapat ditambahkan. Tanyakan kepada koordinator; setelah kasus dilanjutkan, catat lagi dari halaman kasus.',
    OBLIGATION_CLOSED:
      'Kewajiban ini sudah ditutup atau dibebaskan sementara itu. Periksa halaman kasus; bila catatan ini tetap perlu, catat lagi di sana.',
    ASSIGNMENT_ENDED: 'Penugasan Anda di kasus ini sudah berakhir. Hubungi koordinator bila catatan ini tetap perlu dimasukkan.',
    VISIT_ALREADY_LOGGED: 'Kunjungan ini sudah tercatat. Tidak ada yang perlu dilakukan.',
    PHOTO_TOO_LARGE: 'Foto ini lebih besar dari 300 KB. Kunjungannya tetap dikirim, tanpa foto ini; bila foto itu perlu, kirimkan kepada koordinator dengan cara lain.',
    PHOTO_TYPE_NOT_ALLOWED: 'Berkas ini bukan foto JPEG, PNG atau WebP. Kunjungannya tetap dikirim, tanpa berkas ini.',
    PHOTO_ID_TAKEN: 'Foto ini bentrok dengan foto lain yang sudah tersimpan. Kunjungannya tetap dikirim, tanpa foto ini; bila foto itu perlu, kirimkan kepada koordinator dengan cara lain.',
    PHOTO_ALREADY_ATTACHED: 'Fotonya sudah tercatat pada kunjungan lain, jadi kunjungan ini tidak diterima. Buka halaman kasus dan catat kunjungan ini lagi, dengan foto yang baru diambil.',
    PHOTOS_MISSING: 'Fotonya tidak sampai ke server, jadi kunjungan ini tidak diterima. Buka halaman kasus dan catat kunjungan ini lagi; ambil fotonya lagi, atau simpan tanpa foto.',
    FORBIDDEN: 'Anda tidak lagi berwenang mencatat di kasus ini. Hubungi koordinator.',
    NOT_FOUND: 'Kasus atau kegiatan ini tidak ditemukan lagi. Hubungi koordinator.',
    VALIDATION_FAILED:
      'Isian tidak diterima (misalnya periode itu sudah dilaporkan, atau penjelasan diperlukan). Buka halaman kasus dan catat lagi dengan isian yang benar.',
    other: 'Keadaan kasus sudah berubah sementara itu. Buka halaman kasus, periksa, lalu catat lagi bila perlu.',
  },
};

const en: typeof id = {
  savedOnDevice: 'Saved on this device; it will be sent when there is a signal.',
  noSignal: 'No signal',
  waiting_one: 'Waiting to be sent ({{count}})',
  waiting_other: 'Waiting to be sent ({{count}})',
  waitingWithPhotos: 'Waiting to be sent ({{count}}) · {{photos}}',
  waitingPhotosOnly: 'Waiting to be sent ({{photos}})',
  photoCount_one: '{{count}} photo',
  photoCount_other: '{{count}} photos',
  withPhotos: '{{record}} · {{photos}}',
  sending: 'Sending the waiting records…',
  dataAsOf: 'Data as of {{time}}',
  listLabel: 'Records on this device',
  recorded: '{{kind}}, recorded {{time}}',
  kinds: { photo: 'Visit photo', visit: 'Visit', report: 'Monitoring report', attendance: 'Attendance' },
  refusedTitle: '{{kind}} recorded {{time}} was not accepted',
  openCase: 'Open the case',
  dismiss: 'Dismiss',
  refused: {
    CASE_ON_HOLD: 'The case is on hold, so nothing can be added to it. Ask your coordinator; once the case resumes, record it again from the case page.',
    OBLIGATION_CLOSED: 'The obligation was closed or waived meanwhile. Check the case page; if this record is still needed, record it there again.',
    ASSIGNMENT_ENDED: 'Your assignment to this case has ended. Contact your coordinator if this record is still needed.',
    VISIT_ALREADY_LOGGED: 'This visit is already recorded. Nothing to do.',
    PHOTO_TOO_LARGE: 'This photo is larger than 300 KB. Its visit is sent all the same, without it; if the photo is needed, give it to your coordinator another way.',
    PHOTO_TYPE_NOT_ALLOWED: 'This file is not a JPEG, PNG or WebP photo. Its visit is sent all the same, without it.',
    PHOTO_ID_TAKEN: 'This photo clashes with another photo already stored. Its visit is sent all the same, without it; if the photo is needed, give it to your coordinator another way.',
    PHOTO_ALREADY_ATTACHED: 'Its photos are already recorded with another visit, so this visit was not accepted. Open the case page and record this visit again, with newly taken photos.',
    PHOTOS_MISSING: 'Its photos did not reach the server, so this visit was not accepted. Open the case page and record this visit again; take the photos again, or save it without photos.',
    FORBIDDEN: 'You may no longer record on this case. Contact your coordinator.',
    NOT_FOUND: 'The case or activity no longer exists. Contact your coordinator.',
    VALIDATION_FAILED:
      'The entry was not accepted (for example the period was already reported, or an explanation is needed). Open the case page and record it again with the right entries.',
    other: 'The case changed meanwhile. Open the case page, check it, and record again if needed.',
  },
};

/** The key of a refusal's explanation: its code's own words, or the general ones. A visit refused
 * for its photos (the server named `photoIds`) is told what to do about them. */
export function refusalKey(refusal: Refusal): string {
  if (refusal.code === 'VALIDATION_FAILED' && refusal.fields?.some((path) => path.startsWith('photoIds'))) return 'offline.refused.PHOTOS_MISSING';
  return `offline.refused.${refusal.code in id.refused ? refusal.code : 'other'}`;
}

i18n.addResourceBundle('id', 'translation', { offline: id }, true, false);
/** English is added only once English itself is there: a bundle for a language makes i18next take
 * that language as loaded, so adding these few texts before `en.ts` arrived kept the whole English
 * interface from ever loading (the switch to English left every other label in Indonesian). */
function addEnglish(): void {
  if (i18n.hasResourceBundle('en', 'translation') && !i18n.exists('offline.noSignal', { lng: 'en', fallbackLng: false })) {
    i18n.addResourceBundle('en', 'translation', { offline: en }, true, false);
  }
}
addEnglish();
i18n.on('loaded', addEnglish);
i18n.on('languageChanged', addEnglish);
