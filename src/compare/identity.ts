/** What names a measurement across runs, reports and baselines: its file and its key. */
export const measurementIdentity = (m: { file: string; key: string }) => `${m.file}\0${m.key}`
