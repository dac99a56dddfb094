export function notesSection(): void {
  console.log('\n## Notes: (added with the notes issue)');
}
