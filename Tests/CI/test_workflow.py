"""The CI example (.github/workflows/handbook.yml) and the one `handbook new site` writes: valid YAML, the jobs the
README promises, through the action (action.yml; its steps are checked in test_action.py)."""
import pathlib
import re
import subprocess

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "handbook.yml"
BINARY = REPO / ".build" / "debug" / "handbook"
MAIN = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    """The workflow of a site made by the debug binary `make test` builds."""
    if not BINARY.exists():
        pytest.skip("build the handbook first (make test does)")
    site = tmp_path_factory.mktemp("new") / "wiki"
    result = subprocess.run([str(BINARY), "new", "site", str(site)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load((site / ".github" / "workflows" / "handbook.yml").read_text(encoding="utf-8"))


def triggers(workflow):
    # YAML 1.1 reads the key `on` as the boolean true.
    return workflow.get("on", workflow.get(True))


def uses(job):
    return [step["uses"] for step in job["steps"] if "uses" in step]


def test_runs_on_pull_requests_and_pushes_to_main(workflow):
    on = triggers(workflow)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}


def test_the_action_checks_or_builds_a_full_clone_in_the_swift_image(workflow):
    site = workflow["jobs"]["site"]
    assert "if" not in site
    assert site["container"] == "swift:6.3-noble"
    checkout, action = site["steps"][:2]
    assert checkout["uses"] == "actions/checkout@v4"
    # Page dates come from Git history; a shallow clone gives a warning.
    assert checkout["with"]["fetch-depth"] == 0
    assert action["uses"] == "./"
    assert action["with"] == {"content": "content", "templates": "templates", "output": "public"}
    # Nothing of the old hand-written steps is left: the action installs, builds and runs handbook.
    assert not any("run" in step for step in site["steps"])


def test_main_publishes_public_to_github_pages(workflow):
    site = workflow["jobs"]["site"]
    pages = next(step for step in site["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages["if"] == MAIN
    assert pages["with"]["path"] == "public"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "site"
    assert deploy["if"] == MAIN
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(action.startswith("actions/deploy-pages@") for action in uses(deploy))


def test_every_action_is_pinned_to_a_version(workflow):
    for job in workflow["jobs"].values():
        for action in uses(job):
            if action == "./":
                continue
            _, _, version = action.partition("@")
            assert re.fullmatch(r"v\d+", version), action


def test_a_new_site_gets_this_workflow_with_the_action_by_reference(workflow, scaffolded):
    """Same triggers, jobs and steps as this repository's, but `uses: owner/handbook@version` instead of `./`."""
    reference = scaffolded["jobs"]["site"]["steps"][1]["uses"]
    assert re.fullmatch(r"[\w.-]+/handbook@v\d+", reference), reference
    assert scaffolded["jobs"]["site"]["steps"][0] == workflow["jobs"]["site"]["steps"][0]
    ours = [step.get("uses") for step in workflow["jobs"]["site"]["steps"]]
    assert [step.get("uses") for step in scaffolded["jobs"]["site"]["steps"]] == [reference if use == "./" else use for use in ours]
    for key in [True, "permissions", "concurrency"]:
        assert scaffolded[key] == workflow[key]
    assert scaffolded["jobs"]["deploy"] == workflow["jobs"]["deploy"]
    assert scaffolded["jobs"]["site"]["steps"][2] == workflow["jobs"]["site"]["steps"][2]
    assert scaffolded["jobs"]["site"]["container"] == workflow["jobs"]["site"]["container"]


def test_the_readme_documents_it():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert ".github/workflows/handbook.yml" in readme
    assert "static host" in readme
    assert "StarterSite.actionReference" in readme
