/**
 * WebGPU in Node: Dawn, through the npm package `webgpu`, stands in for the browser's navigator.gpu,
 * then tfjs-backend-webgpu registers itself as it does in a page. Dawn talks to the GPU through
 * Vulkan: the machine needs a Vulkan loader (Debian: libvulkan1) and a driver (a GPU vendor's, or a
 * software one: Chromium's SwiftShader, `VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json`).
 */
import { registerWebgpuKernels } from '../../src/gan/backends/webgpu.ts';

/** Chromium's software Vulkan driver (Debian's chromium package), for tests on machines without a GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** What `webgpu` found: the adapter in a few words (e.g. "nvidia: NVIDIA: 580.159.04 580.159.4.0"). */
export interface WebgpuAdapter {
  description: string;
}

let provided: WebgpuAdapter | undefined;

/** Makes navigator.gpu Dawn's and imports tfjs-backend-webgpu (once); throws with the reason where it cannot. */
export async function provideWebgpu(): Promise<WebgpuAdapter> {
  if (provided) return provided;
  const dawn = await import('webgpu').catch(() => {
    throw new Error('WebGPU in Node needs the npm package webgpu (npm install)');
  });
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter)
    throw new Error(
      `Dawn found no WebGPU adapter: Vulkan's loader (Debian: libvulkan1) or a driver is missing (a software one: VK_ICD_FILENAMES=${SWIFTSHADER_ICD})`,
    );
  const { vendor, architecture, description } = adapter.info;
  // Node 20 has no navigator; tfjs-backend-webgpu registers itself only where navigator.gpu exists.
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  registerWebgpuKernels();
  provided = {
    description: [[vendor, architecture].filter(Boolean).join(' '), description].filter(Boolean).join(': '),
  };
  return provided;
}
