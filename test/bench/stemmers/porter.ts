// The original Porter stemmer (1980), for reference: the `stemmer` package (MIT, no dependencies).
export { stemmer as stem } from 'stemmer';
