export const nowIso = (): string => new Date().toISOString();
export const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);
export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);
export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);
