export function citationSection(): void {
  console.log('\n## Citations: (added with the citations issue)');
}
