/** Builds an ID-shaped string with a correct GB 11643 check character (made-up digits, not a real person). */
export function plantedResidentId(body17 = '44011319900101123'): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((a, ch, i) => a + Number(ch) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}
