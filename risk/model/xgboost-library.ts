/**
 * The XGBoost C library (Debian's `libxgboost0`, XGBoost 1.7) called through koffi, a maintained FFI. Only the
 * handful of C API functions the risk model needs are bound: dense matrices, boosters (parameters, one boosting
 * round, prediction with margins or SHAP contributions), and model buffers.
 *
 * The library is found by {@link findXgboostLibrary}; the binding is created once per library path and shared,
 * since a shared object can only be loaded once per process anyway.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import koffi, { type LibraryHandle } from 'koffi';

/** Raised when the XGBoost library cannot be found or loaded, with how to install it. */
export class XgboostUnavailableError extends Error {
  override name = 'XgboostUnavailableError';
}

/** Raised when an XGBoost C call fails; the message is XGBoost's own. */
export class XgboostCallError extends Error {
  override name = 'XgboostCallError';
}

/** Folders Debian and most distributions install shared libraries into. */
const LIBRARY_FOLDERS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib'];

/**
 * Path of the XGBoost shared library: `explicitPath` when given, else the first `libxgboost.so*` in the usual
 * folders (Debian ships it as `libxgboost.so.1.6.0` even for XGBoost 1.7, with no unversioned link).
 * @throws XgboostUnavailableError when none is found.
 */
export function findXgboostLibrary(explicitPath?: string): string {
  if (explicitPath) {
    if (!existsSync(explicitPath)) throw new XgboostUnavailableError(`XGBoost library ${explicitPath} does not exist; fix the path or install libxgboost0`);
    return explicitPath;
  }
  for (const folder of LIBRARY_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    const found = names.filter((n) => /^libxgboost\.so(\.|$)/.test(n)).sort();
    if (found.length) return join(folder, found[0]!);
  }
  throw new XgboostUnavailableError(
    'The XGBoost C library was not found; install it with `apt-get install -y libxgboost0 xgboost` (npm test does this) or set its path',
  );
}

/** Opaque C handles (DMatrixHandle, BoosterHandle). */
export type XgbHandle = unknown;

/** The bound C functions. Every one returns 0 on success, -1 on failure (then `XGBGetLastError` says why). */
export interface XgboostBinding {
  readonly path: string;
  readonly version: string;
  lastError(): string;
  createFromMat(data: Float32Array, rows: number, columns: number, missing: number, out: [XgbHandle], threads: number): number;
  setFloatInfo(matrix: XgbHandle, field: string, values: Float32Array, length: number): number;
  freeMatrix(matrix: XgbHandle): number;
  createBooster(matrices: XgbHandle[], length: number, out: [XgbHandle]): number;
  freeBooster(booster: XgbHandle): number;
  setParam(booster: XgbHandle, name: string, value: string): number;
  updateOneIter(booster: XgbHandle, iteration: number, train: XgbHandle): number;
  predict(booster: XgbHandle, matrix: XgbHandle, optionMask: number, treeLimit: number, training: number, outLength: [number | bigint], outResult: [unknown]): number;
  saveToBuffer(booster: XgbHandle, config: string, outLength: [number | bigint], outData: [unknown]): number;
  loadFromBuffer(booster: XgbHandle, data: Buffer, length: number): number;
  boostedRounds(booster: XgbHandle, out: [number]): number;
  slice(booster: XgbHandle, begin: number, end: number, step: number, out: [XgbHandle]): number;
  setGlobalConfig(json: string): number;
}

const bindings = new Map<string, XgboostBinding>();
/** The binding found without an explicit path (looked up once: the search reads folders). */
let defaultBinding: XgboostBinding | undefined;

/**
 * The binding of the library at `libraryPath`, or of the one {@link findXgboostLibrary} finds, created on first use.
 * @throws XgboostUnavailableError when the library cannot be loaded.
 */
export function xgboostBinding(libraryPath?: string): XgboostBinding {
  if (libraryPath === undefined && defaultBinding) return defaultBinding;
  const path = findXgboostLibrary(libraryPath);
  const cached = bindings.get(path);
  if (cached) return cached;
  let lib: LibraryHandle;
  try {
    lib = koffi.load(path);
  } catch (error) {
    throw new XgboostUnavailableError(`Could not load the XGBoost library ${path} (${(error as Error).message}); reinstall libxgboost0`);
  }
  // koffi's type names live as long as the process (jest gives each test file new modules, not a new process).
  try {
    koffi.type('XgbHandle');
  } catch {
    koffi.pointer('XgbHandle', koffi.opaque());
  }
  const versionFn = lib.func('void XGBoostVersion(_Out_ int *major, _Out_ int *minor, _Out_ int *patch)');
  const major: [number] = [0];
  const minor: [number] = [0];
  const patch: [number] = [0];
  versionFn(major, minor, patch);
  const binding: XgboostBinding = {
    path,
    version: `${major[0]}.${minor[0]}.${patch[0]}`,
    lastError: lib.func('const char *XGBGetLastError()') as () => string,
    createFromMat: lib.func('int XGDMatrixCreateFromMat_omp(const float *data, uint64_t nrow, uint64_t ncol, float missing, _Out_ XgbHandle *out, int nthread)'),
    setFloatInfo: lib.func('int XGDMatrixSetFloatInfo(XgbHandle handle, const char *field, const float *array, uint64_t len)'),
    freeMatrix: lib.func('int XGDMatrixFree(XgbHandle handle)'),
    createBooster: lib.func('int XGBoosterCreate(XgbHandle *dmats, uint64_t len, _Out_ XgbHandle *out)'),
    freeBooster: lib.func('int XGBoosterFree(XgbHandle handle)'),
    setParam: lib.func('int XGBoosterSetParam(XgbHandle handle, const char *name, const char *value)'),
    updateOneIter: lib.func('int XGBoosterUpdateOneIter(XgbHandle handle, int iter, XgbHandle dtrain)'),
    predict: lib.func(
      'int XGBoosterPredict(XgbHandle handle, XgbHandle dmat, int option_mask, unsigned int ntree_limit, int training, _Out_ uint64_t *out_len, _Out_ void **out_result)',
    ),
    saveToBuffer: lib.func('int XGBoosterSaveModelToBuffer(XgbHandle handle, const char *config, _Out_ uint64_t *out_len, _Out_ void **out_dptr)'),
    loadFromBuffer: lib.func('int XGBoosterLoadModelFromBuffer(XgbHandle handle, const void *buf, uint64_t len)'),
    boostedRounds: lib.func('int XGBoosterBoostedRounds(XgbHandle handle, _Out_ int *out)'),
    slice: lib.func('int XGBoosterSlice(XgbHandle handle, int begin_layer, int end_layer, int step, _Out_ XgbHandle *out)'),
    setGlobalConfig: lib.func('int XGBSetGlobalConfig(const char *config)'),
  };
  check(binding, binding.setGlobalConfig(JSON.stringify({ verbosity: 0 })), 'XGBSetGlobalConfig');
  bindings.set(path, binding);
  if (libraryPath === undefined) defaultBinding = binding;
  return binding;
}

/**
 * Throws the library's last error when `status` is not 0.
 * @throws XgboostCallError naming the call.
 */
export function check(binding: XgboostBinding, status: number, call: string): void {
  if (status !== 0) throw new XgboostCallError(`${call} failed: ${binding.lastError()}`);
}

/** Copies `length` 32-bit floats out of C memory that XGBoost owns (valid only until the next call). */
export function copyFloats(pointer: unknown, length: number): Float32Array {
  if (length === 0) return new Float32Array(0);
  return new Float32Array(koffi.view(pointer, length * 4).slice(0));
}

/** Copies `length` bytes out of C memory that XGBoost owns. */
export function copyBytes(pointer: unknown, length: number): Buffer {
  if (length === 0) return Buffer.alloc(0);
  return Buffer.from(koffi.view(pointer, length).slice(0));
}
