"""The GitHub Action (action.yml): valid YAML, the steps the README promises, and scripts that run."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
ACTION = REPO / "action.yml"
BINARY = REPO / ".build" / "debug" / "handbook"


@pytest.fixture(scope="module")
def action():
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def steps(action):
    return action["runs"]["steps"]


def step(steps, name):
    return next(step for step in steps if step.get("name") == name)


def using(steps, prefix):
    return next(step for step in steps if step.get("uses", "").startswith(prefix))


def run_step(script, env, cwd=REPO):
    """Runs a `run:` script as GitHub's `shell: bash` does (bash --noprofile --norc -eo pipefail)."""
    return subprocess.run(
        [shutil.which("bash") or "/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=300,
    )


def test_is_a_composite_action_with_the_three_folders_as_inputs(action):
    assert action["runs"]["using"] == "composite"
    assert {name: spec["default"] for name, spec in action["inputs"].items()} == {
        "content": "content",
        "templates": "templates",
        "output": "public",
    }
    assert all(spec["description"] for spec in action["inputs"].values())


def test_every_script_names_bash_and_parses(steps):
    for each in steps:
        if "run" in each:
            assert each["shell"] == "bash", each["name"]
            result = subprocess.run(["bash", "-n", "-c", each["run"]], capture_output=True, text=True)
            assert result.returncode == 0, (each["name"], result.stderr)


def test_no_expression_is_pasted_into_a_script(steps):
    """Inputs reach the shell through env: a folder name with `"; rm -rf ~` in it stays a folder name."""
    for each in steps:
        assert "${{" not in each.get("run", ""), each["name"]
    # ${{ github.action_path }} names the runner's folder, not the container's (actions/runner#2185).
    assert "{{ github.action_path" not in ACTION.read_text(encoding="utf-8")


def test_without_swift_it_fails_naming_the_container(steps, tmp_path):
    need = steps[0]
    assert "command -v swift" in need["run"]
    assert "container: swift:6.3-noble" in need["run"]
    result = run_step(need["run"], {"PATH": str(tmp_path)})
    assert result.returncode == 1
    assert result.stdout.startswith("::error title=handbook::swift is not on PATH")


def test_installs_libcmark_gfm_with_apt_through_sudo_only_when_not_root(steps):
    script = step(steps, "Install libcmark-gfm")["run"]
    assert "libcmark-gfm-dev libcmark-gfm-extensions-dev" in script
    assert "apt-get update" in script
    assert re.search(r'\$sudo apt-get install -y .*"\$\{missing\[@\]\}"', script)
    assert '[ "$(id -u)" -ne 0 ] && sudo="sudo"' in script


def test_the_binary_is_built_once_per_version_and_cached(steps):
    names = [each.get("name") for each in steps]
    assert names.index("Version") < names.index("Restore handbook") < names.index("Build handbook")
    cache = using(steps, "actions/cache@")
    assert cache["id"] == "cache"
    assert cache["with"]["path"] == "${{ steps.version.outputs.bin }}"
    assert "${{ runner.os }}" in cache["with"]["key"]
    assert "${{ steps.version.outputs.key }}" in cache["with"]["key"]
    build = step(steps, "Build handbook")
    assert build["if"] == "steps.cache.outputs.cache-hit != 'true'"
    assert 'swift build -c release --product handbook --package-path "$GITHUB_ACTION_PATH"' in build["run"]
    assert 'cp "$built/handbook" "$BIN/handbook"' in build["run"]
    assert build["env"]["BIN"] == "${{ steps.version.outputs.bin }}"


def version(action_path, tmp_path):
    output = tmp_path / "output"
    output.write_text("")
    script = step(yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"], "Version")["run"]
    env = {"GITHUB_ACTION_PATH": str(action_path), "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(tmp_path)}
    result = run_step(script, env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return dict(line.split("=", 1) for line in output.read_text().splitlines())


@pytest.mark.skipif(shutil.which("swift") is None, reason="the version names the Swift toolchain")
def test_the_version_follows_what_goes_into_the_binary(tmp_path):
    """Same sources, same key; a changed template (compiled into the binary) or source, another key."""
    first = version(REPO, tmp_path)
    assert re.fullmatch(r"[0-9a-f]{20}-[0-9a-f]{12}", first["key"])
    assert first["bin"] == f"{tmp_path}/handbook-bin"
    assert version(REPO, tmp_path) == first
    copy = tmp_path / "handbook"
    for tree in ["Sources", "Plugins", "templates"]:
        shutil.copytree(REPO / tree, copy / tree)
    shutil.copy(REPO / "Package.swift", copy)
    (copy / "Package.resolved").unlink(missing_ok=True)
    base = version(copy, tmp_path)["key"]
    for changed in ["templates/layout.mustache", "Sources/handbook/Handbook.swift", "Plugins/EmbedTemplates/plugin.swift"]:
        original = (copy / changed).read_bytes()
        (copy / changed).write_bytes(original + b"\n")
        assert version(copy, tmp_path)["key"] != base, changed
        (copy / changed).write_bytes(original)
    assert version(copy, tmp_path)["key"] == base


def test_the_git_history_read_last_time_is_restored_beside_the_output(steps, tmp_path):
    names = [s.get("name") for s in steps]
    restore = step(steps, "Restore the Git history read last time")
    assert names.index("History file") < names.index(restore["name"]) < names.index("Check")
    assert restore["uses"].startswith("actions/cache@")
    assert restore["with"]["path"] == "${{ steps.history.outputs.file }}"
    # A new key each commit (caches are immutable), restored from the newest of any earlier commit.
    assert "github.sha" in restore["with"]["key"] and restore["with"]["key"].startswith(restore["with"]["restore-keys"])
    output = tmp_path / "github_output"
    run_step(step(steps, "History file")["run"], {"OUTPUT": "site/public", "GITHUB_OUTPUT": str(output)})
    assert output.read_text() == "file=site/.public.history\n"


def test_pull_requests_get_a_strict_check_with_annotations(steps):
    check = step(steps, "Check")
    assert check["if"] == "github.event_name == 'pull_request'"
    assert check["run"] == '"$HANDBOOK" check --strict --format github --content "$CONTENT" --templates "$TEMPLATES"'
    assert check["env"] == {
        "HANDBOOK": "${{ steps.version.outputs.bin }}/handbook",
        "CONTENT": "${{ inputs.content }}",
        "TEMPLATES": "${{ inputs.templates }}",
    }


def test_other_events_build_the_three_folders_and_upload_the_site(steps):
    build = step(steps, "Build the site")
    assert build["if"] == "github.event_name != 'pull_request'"
    assert build["run"] == (
        '"$HANDBOOK" build --format github --content "$CONTENT" --templates "$TEMPLATES" --output "$OUTPUT"'
    )
    assert build["env"]["OUTPUT"] == "${{ inputs.output }}"
    assert "--strict" not in build["run"]
    upload = using(steps, "actions/upload-artifact@")
    assert upload["if"] == build["if"]
    assert upload["with"] == {"name": "handbook-site", "path": "${{ inputs.output }}", "if-no-files-found": "error"}
    assert steps.index(build) < steps.index(upload)


def test_every_action_is_pinned_to_a_version(steps):
    for each in steps:
        if "uses" in each:
            _, _, version = each["uses"].partition("@")
            assert re.fullmatch(r"v\d+", version), each["uses"]


def test_the_readme_documents_it():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for fact in ["action.yml", "handbook-site", "fetch-depth: 0", "uses: ./", "make install PREFIX="]:
        assert fact in readme, fact


def without_shallow_clone_warning(stderr):
    """The build dates pages from this repository's own history, so how it was cloned decides one warning: a shallow
    clone gets `shallow-clone` (and its count line). Nothing else may be said."""
    lines = stderr.splitlines()
    kept = [line for line in lines if "title=shallow-clone::" not in line]
    if len(kept) < len(lines):
        kept = [line for line in kept if line != "0 errors, 1 warning"]
    return "\n".join(kept)


@pytest.mark.parametrize("name", ["Check", "Build the site"])
def test_the_commands_run_on_this_repository(steps, action, name, tmp_path):
    """The action's check and build scripts with its default inputs, run with the debug binary: they pass."""
    if not BINARY.exists():
        pytest.skip("build the handbook first (make test does)")
    defaults = {name: spec["default"] for name, spec in action["inputs"].items()}
    env = {
        "HANDBOOK": str(BINARY),
        "CONTENT": defaults["content"],
        "TEMPLATES": defaults["templates"],
        "OUTPUT": str(tmp_path / defaults["output"]),
    }
    result = run_step(step(steps, name)["run"], env)
    assert result.returncode == 0, result.stderr
    assert without_shallow_clone_warning(result.stderr) == ""
    if name == "Build the site":
        assert (tmp_path / "public" / "index.html").is_file()
