import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSummary, ParseError } from '../../src/core/summary/parser';
import { directory, doc, lineOf, source, withLine } from './fixtures';

describe('parser: structure', () => {
  test('counts', () => {
    assert.equal(doc.paragraphs.length, 37);
    assert.deepEqual(
      doc.paragraphs.map((p) => p.number),
      Array.from({ length: 37 }, (_, i) => i + 1),
    );
    assert.equal(doc.sections.length, 3);
    assert.equal(doc.sessions.length, 4);
    assert.equal(doc.challenges.length, 3);
    assert.equal(doc.footnotes.length, 4);
  });

  test('metadata', () => {
    const m = doc.metadata;
    assert.equal(m.body, 'Commission on Narcotic Drugs');
    assert.deepEqual(m.session, { name: 'Sixty-fifth session', place: 'Vienna', dates: '14–18 March 2022' });
    assert.equal(m.agendaItem.number, 6);
    assert.equal(m.agendaItem.label, 'Item 6 of the provisional agenda');
    assert.match(
      m.agendaItem.title,
      /^Follow-up to the implementation at the national, regional and international levels of all commitments/,
    );
    assert.match(m.agendaItem.title, /world drug problem$/);
    assert.deepEqual(m.agendaItem.footnotes, ['*']);
    assert.match(m.title, /^Chair's summary on the thematic discussions/);
    assert.match(m.title, /\(19–21 October 2021\)$/);
    assert.deepEqual(m.titleFootnotes, ['**']);
    assert.equal(m.date, '2021-12-20');
    assert.equal(m.dateText, '20 December 2021');
    assert.equal(m.language, 'English only');
    assert.deepEqual(m.meeting, { start: '2021-10-19', end: '2021-10-21', text: '19–21 October 2021' });
    assert.deepEqual(m.chair, {
      title: 'H.E. Ambassador',
      name: 'Dominika KROIS',
      country: 'Poland',
      role: 'Chair of the Commission on Narcotic Drugs at its sixty-fourth session',
    });
  });

  test('sections are normalised from inconsistent markup', () => {
    assert.deepEqual(
      doc.sections.map((s) => [s.numeral, s.title, s.paragraphs[0], s.paragraphs[s.paragraphs.length - 1]]),
      [
        ['I', 'Background', 2, 8],
        ['II', "Chair's summary of the deliberations", 9, 35],
        ['III', 'Way forward', 36, 37],
      ],
    );
  });

  test('sessions with dates and challenges', () => {
    assert.deepEqual(
      doc.sessions.map((s) => [s.letter, s.kind, s.title, s.date, s.challenge, s.paragraphs]),
      [
        ['a', 'opening', 'Opening session', '2021-10-19', null, [9, 10]],
        ['b', 'thematic', 'Thematic session 1', '2021-10-19', 0, [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]],
        ['c', 'thematic', 'Thematic session 2', '2021-10-20', 1, [23, 24, 25, 26, 27, 28, 29]],
        ['d', 'thematic', 'Thematic session 3', '2021-10-21', 2, [30, 31, 32, 33, 34, 35]],
      ],
    );
    assert.match(
      doc.challenges[0].text,
      /^Increasing links between drug trafficking, corruption and other forms of organized crime/,
    );
    assert.match(doc.challenges[0].text, /financing of terrorism, are observed$/);
    assert.equal(
      doc.challenges[1].text,
      'The value of confiscated proceeds of crime related to money-laundering arising from drug trafficking at the global level remains low',
    );
    assert.equal(
      doc.challenges[2].text,
      'The criminal misuse of information and communications technologies for illicit drug-related activities is increasing',
    );
    // The plain "(c) **…**" heading is recognised like the "### (b)" one.
    assert.equal(doc.sessions[2].heading.startsWith('2019 Ministerial Declaration Challenge: “The value'), true);
  });

  test('every paragraph has its section and session', () => {
    const expected = (n: number): [number | null, string | null] => {
      if (n === 1) return [null, null];
      if (n <= 8) return [1, null];
      if (n <= 10) return [2, 'a'];
      if (n <= 22) return [2, 'b'];
      if (n <= 29) return [2, 'c'];
      if (n <= 35) return [2, 'd'];
      return [3, null];
    };
    for (const p of doc.paragraphs) {
      const [section, letter] = expected(p.number);
      assert.equal(p.section, section, `section of ${p.number}`);
      assert.equal(p.session === null ? null : doc.sessions[p.session].letter, letter, `session of ${p.number}`);
      assert.equal(p.subsection, letter, `subsection of ${p.number}`);
    }
  });
});

describe('parser: paragraphs cut by page breaks are re-joined', () => {
  const cases: [number, string, string, string][] = [
    [
      3,
      'Member States committed in paragraph 7 of the "Way forward"',
      'involving all relevant stakeholders on effective strategies',
      'provisions contained in the 2016, 2014 and 2009 documents.',
    ],
    [
      8,
      'In preparation for the 2021 CND Thematic Discussions, a background note,',
      'contributions by the UNODC substantive sections, was prepared',
      '(www.unodc.org/hlr/en/Follow-upProcess.html).',
    ],
    [
      15,
      'Several speakers underlined that profit-driven',
      'and key crime areas were identified through several investigations',
      "accounted for the largest proportion of criminal groups' profits.",
    ],
    [
      20,
      'The links between trafficking in persons and drug-related crime',
      'prevent them from reporting to authorities. It was highlighted',
      'provision of adequate protection and assistance.',
    ],
    [
      25,
      'While referring to the lack of parallel financial investigations',
      'in the recovery of proceeds. It was further mentioned by some speakers',
      'such as assets that were at the risk of destruction.',
    ],
    [
      30,
      'On 21 October, the Commission discussed the challenge',
      'cannabis and stimulants accounted for a large proportion of sales on the dark web.',
      'online drug sales had increased dramatically.',
    ],
    [
      34,
      'Regarding challenges to address drug-related criminal activities facilitated by ICTs',
      'deployed to address challenges related to the dark web. It was also',
      'across the dark web forums that promoted marketplaces.',
    ],
  ];
  for (const [n, start, middle, end] of cases) {
    test(`paragraph ${n}`, () => {
      const t = doc.paragraphs[n - 1].text;
      assert.ok(t.startsWith(start), `starts: ${t.slice(0, 80)}`);
      assert.ok(t.includes(middle), `joined: ${middle}`);
      assert.ok(t.endsWith(end), `ends: ${t.slice(-80)}`);
      assert.ok(
        !t.includes('---') && !t.includes('\\*') && !t.includes('<sup>') && !t.includes('**'),
        'no markup or page-break debris',
      );
      assert.ok(!/ {2}/.test(t), 'no double spaces');
    });
  }

  test('no paragraph keeps Markdown markup', () => {
    for (const p of doc.paragraphs) {
      assert.ok(!/\*|<sup>|\]\(|\\/.test(p.text), `paragraph ${p.number}: ${p.text.slice(0, 60)}`);
    }
  });

  test('the last paragraph keeps its text up to the final page break', () => {
    assert.ok(doc.paragraphs[36].text.endsWith('the 2009 Political Declaration and Plan of Action'));
  });

  test('paragraph 4 keeps its list of the three challenges', () => {
    const p = doc.paragraphs[3];
    assert.equal(p.items?.length, 3);
    assert.ok(p.items?.[1].startsWith('The value of confiscated proceeds'));
    assert.equal(p.text.split('\n').length, 4);
  });
});

describe('parser: footnotes, key phrases, mentions', () => {
  test('footnotes with their URLs and citing paragraphs', () => {
    assert.deepEqual(
      doc.footnotes.map((f) => [f.id, f.text, f.url ?? null, f.citedBy]),
      [
        ['*', 'E/CN.7/2022/1.', null, [0]],
        ['**', 'This document has not been edited.', null, [0]],
        ['1', 'www.unodc.org/hlr/en/Follow-upProcess.html.', 'http://www.unodc.org/hlr/en/Follow-upProcess.html', [4]],
        [
          '2',
          'www.unodc.org/documents/commissions/CND/CND_Sessions/CND_64/HONLEA/CNDTD_BN_ENGLISH.pdf.',
          'http://www.unodc.org/documents/commissions/CND/CND_Sessions/CND_64/HONLEA/CNDTD_BN_ENGLISH.pdf',
          [8],
        ],
      ],
    );
    const p4 = doc.paragraphs[3];
    assert.deepEqual(
      p4.footnoteRefs.map((r) => r.id),
      ['1'],
    );
    assert.equal(
      p4.text.slice(0, p4.footnoteRefs[0].offset),
      'The third round of CND Thematic Discussions, in line with the 2019 workplan,',
    );
    const p8 = doc.paragraphs[7];
    assert.equal(
      p8.text.slice(0, p8.footnoteRefs[0].offset),
      'In preparation for the 2021 CND Thematic Discussions, a background note,',
    );
  });

  test('key phrases: text and offsets', () => {
    const p24 = doc.paragraphs[23];
    assert.deepEqual(
      p24.keyPhrases.map((k) => k.text),
      ['the importance of comparing confiscated proceeds of drug crime with drug profits and related financial flows'],
    );
    assert.deepEqual(
      doc.paragraphs[24].keyPhrases.map((k) => k.text),
      ['the lack of parallel financial investigations', 'alluded to possible reasons'],
    );
    assert.deepEqual(
      doc.paragraphs[14].keyPhrases.map((k) => k.text),
      [
        'profit-driven transnational criminal organizations were involved in different forms of criminal activities at the global level',
        'encrypted communication platforms',
      ],
    );
    const withPhrases = doc.paragraphs.filter((p) => p.keyPhrases.length > 0).map((p) => p.number);
    assert.deepEqual(withPhrases, [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34]);
    for (const p of doc.paragraphs) {
      for (const k of p.keyPhrases) assert.equal(p.text.slice(k.start, k.end), k.text, `key phrase offsets in ${p.number}`);
    }
  });

  test('italic titles are plain text with spans', () => {
    const p3 = doc.paragraphs[2];
    assert.ok(p3.text.includes('paragraph 7 of the "Way forward" to support'));
    assert.equal(p3.text.slice(p3.italics[0].start, p3.italics[0].end), 'Way forward');
  });

  test('every mention points at its alias text', () => {
    let total = 0;
    for (const p of doc.paragraphs) {
      for (const m of p.mentions) {
        assert.equal(p.text.slice(m.start, m.end), m.text, `mention ${m.id} in ${p.number}`);
        total++;
      }
    }
    assert.ok(total > 80, `found ${total} mentions`);
  });

  test('mentions under other names and longest-match', () => {
    const ids = (n: number) => [...new Set(doc.paragraphs[n - 1].mentions.map((m) => m.id))];
    assert.ok(ids(12).includes('vngoc'), 'para. 12 names the Vienna NGO Committee on Narcotic Drugs');
    assert.ok(
      ids(12).includes('unodc-rab') && !ids(12).includes('unodc'),
      '"Research and Trend Analysis Branch of UNODC" is the branch',
    );
    assert.deepEqual(ids(13), ['unodc-rab'], '"Research and Trends Analysis Branch" (sic) is the branch');
    assert.deepEqual(ids(6), ['unodc', 'regional-groups', 'vngoc', 'unodc-csu']);
    assert.deepEqual(ids(10), ['singapore', 'friends-unodc-research']);
    assert.deepEqual(ids(23), ['cnd', 'unodc-rab', 'unodc-gpml', 'unodc-cmls']);
    const p7 = ids(7);
    for (const id of [
      'australia',
      'cabo-verde',
      'russian-federation',
      'united-states',
      'auc',
      'emcdda',
      'oas',
      'interpol',
      'incb',
      'ohchr',
      'europol',
      'unicri',
      'upu',
      'united-kingdom',
      'serbia',
    ]) {
      assert.ok(p7.includes(id), `para. 7 names ${id}`);
    }
    assert.ok(ids(1).includes('poland'));
    const p24 = doc.paragraphs[23].mentions.filter((m) => m.id === 'unodc');
    assert.equal(p24.length, 4, 'UNODC (incl. "UNODC’s") four times in para. 24');
  });

  test('every organization and Member State in the directory is named somewhere', () => {
    const named = new Set(doc.paragraphs.flatMap((p) => p.mentions.map((m) => m.id)));
    for (const o of directory.organizations) assert.ok(named.has(o.id), `${o.id} is named`);
    for (const s of directory.states) assert.ok(named.has(s.id), `${s.id} is named`);
  });
});

describe('parser: bad input gives errors naming the line', () => {
  const fails = (text: string, line: number | null, pattern: RegExp) => {
    assert.throws(
      () => parseSummary(text),
      (e: unknown) => {
        assert.ok(e instanceof ParseError, `ParseError, got ${String(e)}`);
        if (line !== null) assert.equal(e.line, line);
        assert.match(e.message, pattern);
        assert.match(e.message, /^Chair's summary, line \d+: /);
        return true;
      },
    );
  };

  test('empty file', () => {
    fails('', 1, /the file is empty/);
    fails('  \n\n \n', 1, /the file is empty/);
  });

  test('missing paragraph', () => {
    const l6 = lineOf('6. Each of the three');
    fails(withLine(l6, null), lineOf('7. Expert panellists') - 1, /paragraph 7 follows paragraph 5: paragraph 6 is missing/);
  });

  test('duplicated number', () => {
    const l6 = lineOf('6. Each of the three');
    fails(
      withLine(l6, '5. Each of the three thematic sessions started.'),
      l6,
      /paragraph 5 is numbered a second time \(first at line \d+\)/,
    );
  });

  test('text that belongs to no paragraph', () => {
    const l = lineOf('10. The opening statement');
    const text = withLine(l + 1, 'This sentence stands alone.\n');
    fails(text, l + 1, /unexpected text outside a numbered paragraph: "This sentence stands alone\."/);
  });

  test('a sub-section out of order', () => {
    const l = lineOf('(c) **2019 Ministerial');
    fails(
      withLine(l, '(e) **2019 Ministerial Declaration Challenge: “x”**'),
      l,
      /sub-section \(e\) is out of order \(expected \(c\)\)/,
    );
  });

  test('a footnote reference without its footnote', () => {
    const l = lineOf('21. Some speakers');
    fails(withLine(l, '21. Some speakers reported<sup>9</sup> links.'), l, /paragraph 21 refers to footnote 9/);
  });

  test('no numbered paragraph at all', () => {
    fails('Just a title\n\nAnd some text.', 1, /no numbered paragraph found/);
  });

  test('front matter without a date', () => {
    fails(withLine(lineOf('20 December 2021'), null), 1, /front matter .* has no document date/);
  });

  test('Windows line endings and a byte-order mark give the same model', () => {
    const crlf = `\uFEFF${source.replace(/\n/g, '\r\n')}`;
    const again = parseSummary(crlf, { directory });
    assert.deepEqual(
      again.paragraphs.map((p) => p.text),
      doc.paragraphs.map((p) => p.text),
    );
  });
});

describe('mentions in drafts', () => {
  test('"Commission" alone means the CND inside the summary, not in a draft', async () => {
    const { MentionFinder } = await import('../../src/core/summary/directory');
    const inSummary = new MentionFinder(directory).find('the Commission adopted');
    assert.deepEqual(
      inSummary.map((m) => m.id),
      ['cnd'],
    );
    const inDraft = new MentionFinder(directory, { inSummary: false }).find('the European Commission and the CND');
    assert.deepEqual(
      inDraft.map((m) => m.id),
      ['cnd'],
    );
    assert.equal(inDraft[0].text, 'CND');
  });
});
