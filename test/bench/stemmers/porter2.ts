// Porter2, the Snowball English stemmer: the `porter2` package (MIT, no dependencies; tested against Snowball's
// English vocabulary). wink-porter2-stemmer, @nlpjs/lang-en-min and snowball-stemmers gave the same stem for every
// one of the 2,623 words of the summary, the labelled sets and the lexicon.
export { stem } from 'porter2';
