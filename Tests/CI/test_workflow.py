"""The CI example (.github/workflows/handbook.yml): valid YAML, the jobs the README promises, and commands that run."""
import pathlib
import shlex
import subprocess

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "handbook.yml"


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow):
    # YAML 1.1 reads the key `on` as the boolean true.
    return workflow.get("on", workflow.get(True))


def runs(job):
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job):
    return [step["uses"] for step in job["steps"] if "uses" in step]


def test_runs_on_pull_requests_and_pushes_to_main(workflow):
    on = triggers(workflow)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}


def test_pull_requests_get_a_strict_check_with_annotations(workflow):
    check = workflow["jobs"]["check"]
    assert "if" not in check
    assert ".build/release/handbook check --strict --format github" in runs(check)
    assert any("apt-get install" in run and "libcmark-gfm-dev" in run and "libcmark-gfm-extensions-dev" in run for run in runs(check))
    assert "swift build -c release --product handbook" in runs(check)


def test_main_builds_and_publishes_public(workflow):
    build = workflow["jobs"]["build"]
    assert build["needs"] == "check"
    assert "refs/heads/main" in build["if"] and "pull_request" in build["if"]
    assert any(run.startswith(".build/release/handbook build") for run in runs(build))
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "public"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(action.startswith("actions/deploy-pages@") for action in uses(deploy))


def test_every_action_is_pinned_to_a_version(workflow):
    for job in workflow["jobs"].values():
        for action in uses(job):
            name, _, version = action.partition("@")
            assert version.startswith("v"), action


def test_the_readme_documents_it():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert ".github/workflows/handbook.yml" in readme
    assert "static host" in readme


@pytest.mark.parametrize("job", ["check", "build"])
def test_the_handbook_commands_run_on_this_repository(workflow, job, tmp_path):
    """The workflow's handbook commands, run with the debug binary `make test` builds: they parse and pass."""
    binary = REPO / ".build" / "debug" / "handbook"
    if not binary.exists():
        pytest.skip("build the handbook first (make test does)")
    for run in runs(workflow["jobs"][job]):
        if not run.startswith(".build/release/handbook"):
            continue
        arguments = shlex.split(run)[1:]
        if arguments[0] == "build":
            arguments += ["--output", str(tmp_path / "public")]
        result = subprocess.run([str(binary), *arguments], cwd=REPO, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
