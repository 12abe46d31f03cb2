/*
 * The search fixture: a dozen hand-written documents and a small reference builder of the
 * search-index.json format (the Swift builder's contract, see templates/assets/search.js).
 *
 *   node Tests/SearchJS/build-fixture.js   rewrites fixtures/handbook-index.json
 *
 * fixture.test.js checks that the committed JSON is what this script builds.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { tokenize } = require('../../templates/assets/search.js');

const FIELDS = ['title', 'alias', 'heading', 'summary', 'body'];
const WEIGHTS = [10, 8, 5, 3, 1];
const BIT = { title: 1, alias: 2, heading: 4, summary: 8, body: 16 };
const TEXT_CHARS = 1500;
const FIXTURE_PATH = path.join(__dirname, 'fixtures', 'handbook-index.json');

const TERM_SECTIONS = ['What it is', 'On a résumé', 'A question to ask'];
const TERM_ANCHORS = ['what-it-is', 'on-a-resume', 'a-question-to-ask'];

/** A glossary term with the three standard sections. */
function term(slug, title, aliases, summary, paragraphs) {
  return {
    kind: 'term',
    title,
    url: `terms/${slug}.html`,
    summary,
    aliases,
    sections: paragraphs.map((text, i) => [TERM_SECTIONS[i], TERM_ANCHORS[i], text]),
  };
}

/** Any other kind of page; sections are [heading, anchor, paragraph]. */
function page(kind, url, title, summary, sections) {
  return { kind, title, url, summary, aliases: [], sections };
}

const FIXTURE_DOCS = [
  term('django', 'Django', [], 'A Python web framework for building database-backed websites quickly.', [
    'Django is a full-featured web framework for Python. It ships with an admin panel, an ORM that talks to PostgreSQL or MySQL, and user accounts out of the box. Instagram and many newsrooms run on it.',
    'Look for shipped Django projects rather than tutorials. Good evidence: migrations on a live database, APIs built with Django REST Framework, and work on slow queries.',
    'Ask how they would find a slow page in a Django app. A good answer mentions the debug toolbar, counting queries, and select_related.',
  ]),
  term('flask', 'Flask', [], 'A small Python web framework that leaves most choices to the developer.', [
    'Flask gives you routing and templates and little else; teams add the database layer and the login system themselves. It suits small services and prototypes.',
    'A Flask project on a résumé shows someone who can assemble pieces. Ask which extensions they picked and why.',
    'Ask how they structured a Flask app that grew past one file. Blueprints and an application factory are good signs.',
  ]),
  term('fastapi', 'FastAPI', [], 'A modern Python framework for building typed web APIs.', [
    'FastAPI builds web APIs from type hints and writes their documentation automatically. It is asynchronous, so one server handles many slow clients at once.',
    'FastAPI experience signals comfort with type hints, Pydantic models and async code, which backend teams value.',
    'Ask when async code makes an API faster and when it does not. A good answer mentions waiting on the network or a database.',
  ]),
  term('postgresql', 'PostgreSQL', ['Postgres'], 'An open-source relational database that many Python teams use to store application data.', [
    'PostgreSQL stores data in tables and answers SQL queries. Django and most Python web stacks use it by default.',
    'Look for schema design, indexes and migrations, not just "used Postgres". Tuning a slow query is strong evidence.',
    'Ask what an index is and when adding one makes writes slower.',
  ]),
  term('pandas', 'pandas', [], 'A Python library for loading, cleaning and analysing tables of data.', [
    'pandas reads spreadsheets, CSV files and SQL results into DataFrames that analysts filter, join and summarise.',
    'Almost every data role lists pandas. Strong candidates also know when a table is too big for one machine.',
    'Ask how they would clean a column full of missing values.',
  ]),
  term('apache-spark', 'Apache Spark', ['Spark'], 'A platform for processing very large datasets across many machines.', [
    'Apache Spark splits a big job into pieces and runs them on a cluster. Python teams drive it through PySpark.',
    'Spark on a résumé matters for data engineers who handle billions of rows; for small data it is a warning sign of over-engineering.',
    'Ask what a shuffle is and why it slows a Spark job down.',
  ]),
  term('weights-and-biases', 'Weights & Biases', ['W&B'], 'A hosted tool that records machine learning experiments so teams can compare runs.', [
    'Weights & Biases logs the settings and results of every training run, so a team can see which model was best and why.',
    'W&B on a résumé shows someone who tracks experiments instead of keeping results in their head.',
    'Ask how they compared two models and decided which one to ship.',
  ]),
  term('cpp', 'C++', [], 'A compiled language used where raw speed matters; several Python libraries are written in it.', [
    'C++ is a fast, compiled language. NumPy and PyTorch keep their heavy loops in C++ and expose them to Python.',
    'C++ next to Python suggests someone who can speed up a hot loop or write an extension module.',
    'Ask when they would move code from Python to C++ and what it costs to maintain.',
  ]),
  page('archetype', 'archetypes/data-engineer.html', 'Data Engineer', 'Builds the pipelines that move and clean data for analysts and models.', [
    ['What they build', 'what-they-build', 'Nightly pipelines that load data from apps into a warehouse, and checks that catch bad rows early.'],
    ['Tools they use', 'tools-they-use', 'pandas for small tables, Apache Spark for huge ones, PostgreSQL and a scheduler such as Airflow.'],
    ['Interview questions', 'interview-questions', 'Ask how they would rerun a pipeline that failed halfway without loading rows twice.'],
  ]),
  page('company', 'companies/instagram.html', 'Instagram', 'A photo and video sharing app that runs one of the largest Django deployments.', [
    ['Systems', 'systems', 'The main web app is a heavily customised Django monolith on top of PostgreSQL, with C++ services where latency matters.'],
  ]),
  page('article', 'articles/hiring-backend-developers.html', 'Hiring a backend developer', 'What to look for when you hire someone to build the server side of a web product.', [
    ['Frameworks to look for', 'frameworks-to-look-for', 'Most Python backends use Django, Flask or FastAPI. Any one of them transfers to the others within weeks.'],
    ['Databases and SQL', 'databases-and-sql', 'Every backend stores data. Ask about SQL and PostgreSQL, not only the ORM.'],
    ['Deployment', 'deployment', 'Candidates should know how their code reaches users: Docker images, Kubernetes clusters, or a platform that hides them. A Node.js front end often sits beside the Python API.'],
  ]),
  page('article', 'articles/machine-learning-roles.html', 'Machine learning roles', 'How machine learning jobs differ, and which tools each one uses.', [
    ['Experiment tracking', 'experiment-tracking', 'Teams that train many models track experiments with Weights & Biases or MLflow so results can be reproduced.'],
    ['Big data', 'big-data', 'When training data outgrows one machine, data engineers move the preparation to Apache Spark.'],
    ['Reading a résumé', 'reading-a-resume', 'Prefer shipped models and measured results over a long list of courses.'],
  ]),
  page('page', 'questions.html', 'Interview question bank', 'Every interview question from the role pages, in one list.', [
    ['Data Engineer', 'data-engineer', 'How would you rerun a pipeline that failed halfway without loading rows twice?'],
  ]),
];

/** Builds a version 1 index object from source documents (the format Swift writes). */
function buildIndex(sources) {
  const occurrences = new Map(); // token -> Map(docId -> { mask, tf })
  const docs = sources.map((source, docId) => {
    const body = source.sections.map((s) => `${s[0]} ${s[2]}`).join(' ');
    const add = (text, bit) => {
      for (const token of tokenize(text)) {
        if (!occurrences.has(token)) occurrences.set(token, new Map());
        const byDoc = occurrences.get(token);
        const entry = byDoc.get(docId) || { mask: 0, tf: 0 };
        entry.mask |= bit;
        if (bit === BIT.body) entry.tf = Math.min(255, entry.tf + 1);
        byDoc.set(docId, entry);
      }
    };
    add(source.title, BIT.title);
    source.aliases.forEach((alias) => add(alias, BIT.alias));
    source.sections.forEach((s) => add(s[0], BIT.heading));
    add(source.summary, BIT.summary);
    add(body, BIT.body);
    return {
      kind: source.kind,
      title: source.title,
      url: source.url,
      summary: source.summary,
      aliases: source.aliases,
      headings: source.sections.map((s) => [s[0], s[1]]),
      text: body.slice(0, TEXT_CHARS),
    };
  });

  const vocab = Array.from(occurrences.keys()).sort();
  const postings = vocab.map((token) =>
    Array.from(occurrences.get(token))
      .sort((a, b) => a[0] - b[0])
      .reduce((flat, [docId, e]) => flat.concat([docId, e.mask, e.tf]), [])
  );
  return { version: 1, fields: FIELDS, weights: WEIGHTS, docs, vocab, postings, synonyms: buildSynonyms(sources) };
}

/** Each normalized name of a term (title, aliases) -> its other names. */
function buildSynonyms(sources) {
  const synonyms = {};
  for (const source of sources.filter((s) => s.kind === 'term')) {
    const phrases = Array.from(new Set([source.title].concat(source.aliases).map((n) => tokenize(n).join(' '))));
    for (const phrase of phrases.filter((p) => p !== '')) {
      const others = phrases.filter((p) => p !== phrase && p !== '');
      if (others.length > 0) synonyms[phrase] = others;
    }
  }
  const sorted = {};
  Object.keys(synonyms).sort().forEach((key) => (sorted[key] = synonyms[key]));
  return sorted;
}

/** JSON with two-space indents, arrays of scalars kept on one line. */
function formatIndex(index) {
  const scalarArray = /\[\n\s*([^[\]{}]*?)\n\s*\]/g;
  return JSON.stringify(index, null, 2).replace(scalarArray, (_, inner) => `[${inner.replace(/\n\s*/g, ' ')}]`) + '\n';
}

if (require.main === module) {
  fs.writeFileSync(FIXTURE_PATH, formatIndex(buildIndex(FIXTURE_DOCS)));
  console.log(`wrote ${path.relative(process.cwd(), FIXTURE_PATH)}`);
}

module.exports = { buildIndex, formatIndex, FIXTURE_DOCS, FIXTURE_PATH };
