const RETRYABLE = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT']);

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const inTfjs = context.parentURL?.includes('/@tensorflow/');
    if (!inTfjs || !specifier.startsWith('.') || !RETRYABLE.has(error?.code)) throw error;
    return nextResolve(`${specifier}.js`, context);
  }
}
