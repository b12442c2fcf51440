import { writeFileSync } from 'node:fs';
import { launchChromium, newAppPage, signIn } from './e2e/support/e2e';
const browser = await launchChromium();
const p = await newAppPage(browser, { phone: true });
await signIn(p, 'petugas@kampung.demo', 'petugas-demo-2026');
// A bad import file
writeFileSync('/tmp/bad.csv', 'no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,alamat,rt,rw,kode_kelurahan,desil,id_dtks,tanggal_data,sumber\n3374080101200009,12345,Budi,17-05-1980,L,KEPALA KELUARGA,Jl. A,1,3,33.74.08.1005,12,,2026-09-30,DTKS\n');
await p.goto('/households/import');
await p.waitForTimeout(1500);
await p.locator('input[type=file]').setInputFiles('/tmp/bad.csv');
const submit = p.getByRole('button', { name: /Unggah|Impor/ }).first();
await submit.click();
await p.waitForTimeout(4000);
await p.screenshot({ path: '/tmp/shots/uv-import-bad.png', fullPage: true });
// A wrong current password
await p.goto('/account/password');
await p.waitForTimeout(1000);
await p.getByLabel(/Kata sandi saat ini/).fill('salah');
const inputs = p.locator('input[type=password]');
await inputs.nth(1).fill('pendek');
await inputs.nth(2).fill('pendek');
await p.getByRole('button', { name: /Simpan|Ubah/ }).first().click();
await p.waitForTimeout(1500);
await p.screenshot({ path: '/tmp/shots/uv-password-bad.png', fullPage: true });
await browser.close();
