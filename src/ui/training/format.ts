/** A figure to one decimal, with thousands separators, as the lesson panels show them. */
export const one = (x: number): string => (Math.round(x * 10) / 10).toLocaleString('en');
