"""Relevance suite: recruiter queries and the pages that answer them.

Written from the content (titles, aliases, record fields) before any of them was run against the
engine, and never tuned to its results. A query succeeds at k when one of its pages (the url
without its #anchor) is among the first k results.
"""

QUERIES = [
    # single words
    ("django", ["terms/django.html"]),
    ("airflow", ["terms/airflow.html"]),
    ("pytest", ["terms/pytest.html"]),
    ("orm", ["terms/orm.html"]),
    ("instagram", ["companies/instagram.html"]),
    ("leetcode", ["articles/interviewing-without-leetcode.html"]),
    ("devops", ["archetypes/devops-automation-engineer.html"]),
    # typos
    ("djnago", ["terms/django.html"]),
    ("pyhton", ["terms/python.html"]),
    ("machine lerning", ["terms/machine-learning.html", "archetypes/machine-learning-engineer.html"]),
    ("tensorflw", ["terms/tensorflow.html"]),
    # plurals and other forms
    ("salaries", ["articles/python-job-market.html"]),
    ("llms", ["terms/llm.html"]),
    ("neural networks", ["terms/deep-learning.html"]),
    ("data warehousing", ["terms/data-warehouse.html"]),
    ("etl pipelines", ["terms/etl.html", "terms/data-pipeline.html"]),
    # abbreviations and other names
    ("postgres", ["terms/postgresql.html"]),
    ("sklearn", ["terms/scikit-learn.html"]),
    ("w&b", ["terms/weights-and-biases.html"]),
    ("rag", ["terms/rag.html"]),
    ("xgboost", ["terms/gradient-boosted-trees.html"]),
    ("continuous integration", ["terms/ci-cd.html"]),
    ("k8s", ["terms/kubernetes.html"]),
    # joined and split forms
    ("nodejs", ["terms/javascript.html"]),
    ("cicd", ["terms/ci-cd.html"]),
    ("ci/cd", ["terms/ci-cd.html"]),
    ("scikit learn", ["terms/scikit-learn.html"]),
    ("huggingface", ["terms/hugging-face.html"]),
    # questions
    ("what does a data scientist do", ["archetypes/data-scientist.html"]),
    ("how much do python developers earn", ["articles/python-job-market.html"]),
    ("what is a type hint", ["terms/type-hints.html"]),
    # salary
    ("ml engineer salary", ["archetypes/machine-learning-engineer.html"]),
    ("data engineer salary premium", ["archetypes/data-engineer.html"]),
    # roles and record fields
    ("data engineer", ["archetypes/data-engineer.html"]),
    ("backend developer", ["archetypes/backend-web-developer.html"]),
    ("ai engineer", ["archetypes/ai-engineer.html"]),
    ("must have skills data engineer", ["archetypes/data-engineer.html"]),
    ("compare roles", ["archetypes/index.html"]),
    # generated pages
    ("interview questions", ["questions.html"]),
    ("screening checklist", ["checklist.html"]),
    ("red flags", ["checklist.html"]),
    # companies and their fields
    ("fintech", ["companies/stripe.html", "companies/robinhood.html"]),
    ("music streaming", ["companies/spotify.html"]),
    ("netflix python", ["companies/netflix.html"]),
    # articles
    ("job description", ["articles/writing-a-python-job-description.html"]),
    ("screening resumes", ["articles/screening-resumes-and-portfolios.html"]),
    ("python vs javascript", ["articles/python-or-javascript.html"]),
    ("hiring mistakes", ["articles/common-hiring-mistakes.html"]),
    ("python version", ["articles/version-expectations.html"]),
    ("conversation starters", ["articles/conversation-starters.html"]),
]
