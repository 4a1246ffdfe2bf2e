"""Log a World (mocks/world/types.ts) into a running MLflow tracking server.

    python seed.py --tracking-uri URI --world world.json [--workdir DIR] [--backend-store-uri URI]

The world's experiments and runs are logged with MlflowClient, with the world's explicit times, so
that the server ends up holding what the mocks hold. Experiments marked `realUsage` are instead
filled by running real_usage_train.py the way people run training code (fluent API, autolog, a
git checkout, wall-clock times); their run ids and values are whatever MLflow makes of it.

A run's artifact files (world JSON: `artifacts: [{path, base64}]`) are written into a folder and
logged with one `log_artifacts` call per run, after the runs' data.

The world's LoggedModels (`loggedModels`) come last: each is created with `create_logged_model`
(the server draws its `m-<32 hex>` id), its files logged with `log_model_artifacts` (`{{model_id}}`
and `{{run_id}}` in them replaced by the model's and its source run's ids), its metrics logged through
its source run with `log_metric(..., model_id=)`, finalised with its status
(unless PENDING) and linked to its source run with `log_outputs` when it has an `outputStep`.

Then the model registry (`registeredModels`), model by model: create the registered model (tags,
description), its versions in order (`runs:/<run id>/<path>` with the run's id, or `models:/<model id>`
with `model_id=`), the stage transitions, then the aliases. Each step at least REGISTRY_STEP_SECONDS
after the one before, so that no two get the same millisecond timestamp and the server orders them
as the mocks do (which give each step its own minute).

Logs go to stderr; stdout carries only the JSON summary printed at the end:

    {"experiments": {name: id}, "runs": {name: id}, "loggedModels": {name: id},
     "registeredModels": {name: [version, ...]},
     "realUsageRuns": [{"experiment", "name", "runId", "status", "parentRunId"}]}

The target server must not hold any of the world's experiments yet (the seed refuses otherwise).

Runs with a long history (LARGE_RUN_POINTS) are logged in a background thread beside the others.
Given the server's own backend store (--backend-store-uri, e.g. sqlite:///DIR/mlflow.db, which the
seed can open when it runs beside the server), their metric batches go through MLflow's SQL store
directly, as one more server worker would write them; everything else still goes over REST.
"""

import argparse
import base64
import contextlib
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

# Before mlflow is imported: no usage reports, from this process or from the real-usage scripts.
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
os.environ["DO_NOT_TRACK"] = "true"
# set_terminated would print a "View run" link per run, fetching the run again to write it.
os.environ["MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT"] = "true"

from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import (  # noqa: E402
    Dataset,
    DatasetInput,
    InputTag,
    LoggedModelOutput,
    LoggedModelStatus,
    Metric,
    Param,
    ViewType,
)
from mlflow.exceptions import MlflowException  # noqa: E402
from mlflow.utils.mlflow_tags import MLFLOW_PARENT_RUN_ID, MLFLOW_RUN_NAME  # noqa: E402

HERE = Path(__file__).resolve().parent
TRAIN_SCRIPT = HERE / "real_usage_train.py"

# Limits of one LogBatch request on the server.
MAX_ENTITIES_PER_BATCH = 1000
MAX_PARAMS_PER_BATCH = 100

# A run with at least this many metric points (the 100,000-step history) is logged beside the
# others rather than in turn. Measured on MLflow 3.17.2 with SQLite, 100,000 points take about 28 s
# through a single-worker server (its REST layer costs twice what the inserts do, and concurrent
# requests do not help, the server being CPU-bound) and about 10 s through the SQL store directly.
LARGE_RUN_POINTS = 10_000

RUN_STATUSES = {"RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"}
# create_run leaves a run RUNNING; these statuses get no end time.
OPEN_STATUSES = {"RUNNING", "SCHEDULED"}

METRIC_SPECIAL_VALUES = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

# A world LoggedModel's status -> what finalize_logged_model is called with (PENDING: not called).
LOGGED_MODEL_STATUSES = {
    "LOGGED_MODEL_PENDING": None,
    "LOGGED_MODEL_READY": LoggedModelStatus.READY,
    "LOGGED_MODEL_UPLOAD_FAILED": LoggedModelStatus.FAILED,
}

# The stages transition_model_version_stage takes, and the gap between two registry steps.
MODEL_STAGES = {"None", "Staging", "Production", "Archived"}
REGISTRY_STEP_SECONDS = 0.005

# A fixed identity and date for the real-usage commit, so that its hash is the same on every machine.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Runboard Seed",
    "GIT_AUTHOR_EMAIL": "seed@runboard.invalid",
    "GIT_AUTHOR_DATE": "2026-01-05T09:00:00Z",
    "GIT_COMMITTER_NAME": "Runboard Seed",
    "GIT_COMMITTER_EMAIL": "seed@runboard.invalid",
    "GIT_COMMITTER_DATE": "2026-01-05T09:00:00Z",
    # Ignore the machine's and the user's git configuration (signing, hooks, templates).
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


class SeedError(Exception):
    """A problem with the world or the target server, reported without a traceback."""


def log(message: str) -> None:
    print(f"[seed] {message}", file=sys.stderr, flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tracking-uri", required=True, help="e.g. http://127.0.0.1:5000")
    parser.add_argument("--world", required=True, type=Path, help="World JSON file")
    parser.add_argument(
        "--backend-store-uri",
        help="the server's own backend store, if this machine can open it (see above)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="where to build the real-usage git checkout (kept); default: a temporary directory",
    )
    return parser.parse_args()


def metric_value(value: float | int | str) -> float:
    if isinstance(value, str):
        if value not in METRIC_SPECIAL_VALUES:
            raise SeedError(f"metric value {value!r} is neither a number nor NaN/Infinity/-Infinity")
        return METRIC_SPECIAL_VALUES[value]
    return float(value)


def check_world(world: dict) -> None:
    """Fail early, with the offending name, on worlds the seed cannot log faithfully."""
    experiments = {}
    for experiment in world["experiments"]:
        if experiment["name"] in experiments:
            raise SeedError(f"experiment {experiment['name']!r} appears twice")
        experiments[experiment["name"]] = experiment
    runs = {}
    for run in world["runs"]:
        name = run["name"]
        if name in runs:
            raise SeedError(f"run {name!r} appears twice")
        runs[name] = run
        experiment = experiments.get(run["experiment"])
        if experiment is None:
            raise SeedError(f"run {name!r} is in unknown experiment {run['experiment']!r}")
        if experiment.get("realUsage"):
            raise SeedError(f"run {name!r} is in real-usage experiment {run['experiment']!r}")
        if run["status"] not in RUN_STATUSES:
            raise SeedError(f"run {name!r} has unknown status {run['status']!r}")
        if run["status"] not in OPEN_STATUSES and run.get("endTime") is None:
            raise SeedError(f"run {name!r} is {run['status']} but has no endTime")
        for file in run.get("artifacts") or []:
            parts = file["path"].split("/")
            if file["path"].startswith("/") or ".." in parts or "" in parts:
                raise SeedError(f"run {name!r} has an artifact at an unsafe path {file['path']!r}")
    models = set()
    for model in world.get("loggedModels") or []:
        name = model["name"]
        if name in models:
            raise SeedError(f"logged model {name!r} appears twice")
        models.add(name)
        if model["experiment"] not in experiments:
            raise SeedError(f"logged model {name!r} is in unknown experiment {model['experiment']!r}")
        source = model.get("sourceRun")
        if model.get("metrics") and source is None:
            raise SeedError(f"logged model {name!r} logs metrics without a source run")
        if source is not None and runs.get(source, {}).get("experiment") != model["experiment"]:
            raise SeedError(f"logged model {name!r} has source run {source!r} outside its experiment")
        if model["status"] not in LOGGED_MODEL_STATUSES:
            raise SeedError(f"logged model {name!r} has unknown status {model['status']!r}")
        for file in model.get("artifacts") or []:
            parts = file["path"].split("/")
            if file["path"].startswith("/") or ".." in parts or "" in parts:
                raise SeedError(f"logged model {name!r} has an artifact at an unsafe path {file['path']!r}")
    check_registry(world, runs, models)
    for run in world["runs"]:
        seen = [run["name"]]
        parent = run.get("parent")
        while parent is not None:
            if parent not in runs:
                raise SeedError(f"run {seen[-1]!r} has unknown parent {parent!r}")
            if parent in seen:
                raise SeedError(f"runs {seen} form a parent cycle")
            seen.append(parent)
            parent = runs[parent].get("parent")


def check_registry(world: dict, runs: dict, logged_models: set) -> None:
    names = set()
    for model in world.get("registeredModels") or []:
        name = model["name"]
        if name in names:
            raise SeedError(f"registered model {name!r} appears twice")
        names.add(name)
        for number, version in enumerate(model["versions"], start=1):
            what = f"version {number} of registered model {name!r}"
            source = version["source"]
            if "run" in source and source["run"] not in runs:
                raise SeedError(f"{what} comes from unknown run {source['run']!r}")
            if "loggedModel" in source and source["loggedModel"] not in logged_models:
                raise SeedError(f"{what} comes from unknown logged model {source['loggedModel']!r}")
            if version.get("status", "READY") != "READY" or version.get("statusMessage"):
                raise SeedError(f"{what}: a real server makes every version READY without a message")
        count = len(model["versions"])
        for transition in model.get("transitions") or []:
            if not 1 <= transition["version"] <= count or transition["stage"] not in MODEL_STAGES:
                raise SeedError(f"registered model {name!r} has a bad transition {transition!r}")
        for alias, version in (model.get("aliases") or {}).items():
            if not 1 <= version <= count:
                raise SeedError(f"alias {alias!r} of registered model {name!r} names no version")


def refuse_if_seeded(client: MlflowClient, world: dict) -> None:
    names = {experiment["name"] for experiment in world["experiments"]}
    existing = [
        experiment.name
        for experiment in client.search_experiments(view_type=ViewType.ALL)
        if experiment.name in names
    ]
    if existing:
        raise SeedError(
            f"the server already has {len(existing)} of the world's experiments "
            f"({', '.join(sorted(existing))}); seed a fresh server"
        )


def create_experiments(client: MlflowClient, world: dict) -> dict[str, str]:
    """Create every experiment in world order, so that a fresh server numbers them 1, 2, 3, ..."""
    ids = {}
    for experiment in world["experiments"]:
        ids[experiment["name"]] = client.create_experiment(
            experiment["name"], tags=experiment["tags"] or None
        )
    return ids


def batches(run: dict) -> list[tuple[list[Param], list[Metric]]]:
    """Split a run's params and metric points into LogBatch-sized (params, metrics) pairs."""
    params = [Param(key, value) for key, value in run["params"].items()]
    metrics = [
        Metric(key, metric_value(point["value"]), point["timestamp"], point["step"])
        for key, points in run["metrics"].items()
        for point in points
    ]
    result = []
    while params or metrics:
        batch_params, params = params[:MAX_PARAMS_PER_BATCH], params[MAX_PARAMS_PER_BATCH:]
        room = MAX_ENTITIES_PER_BATCH - len(batch_params)
        batch_metrics, metrics = metrics[:room], metrics[room:]
        result.append((batch_params, batch_metrics))
    return result


RUN_ID_PLACEHOLDER = "{{run_id}}"


def seed_run(
    client: MlflowClient,
    run: dict,
    experiment_id: str,
    parent_id: str | None,
    batch_client: MlflowClient | None = None,
) -> str:
    """Create one run with its params, metrics, datasets and final status; returns its id.

    `batch_client`, when given, logs the params and metrics instead of `client`."""
    # A tag value may name the run's own id ({{run_id}}, as in mlflow.log-model.history); those
    # tags can only be set once the run exists, so they come after the others.
    later = {key: value for key, value in run["tags"].items() if RUN_ID_PLACEHOLDER in value}
    tags = {key: value for key, value in run["tags"].items() if key not in later}
    tags[MLFLOW_RUN_NAME] = run["name"]
    if parent_id is not None:
        tags[MLFLOW_PARENT_RUN_ID] = parent_id
    try:
        run_id = client.create_run(
            experiment_id, start_time=run["startTime"], tags=tags, run_name=run["name"]
        ).info.run_id
        for key, value in later.items():
            client.set_tag(run_id, key, value.replace(RUN_ID_PLACEHOLDER, run_id))
        for params, metrics in batches(run):
            (batch_client or client).log_batch(run_id, metrics=metrics, params=params)
        datasets = [
            DatasetInput(
                Dataset(
                    name=dataset["name"],
                    digest=dataset["digest"],
                    source_type=dataset["sourceType"],
                    source=dataset["source"],
                    schema=dataset.get("schema"),
                    profile=dataset.get("profile"),
                ),
                tags=[InputTag("mlflow.data.context", dataset["context"])],
            )
            for dataset in run.get("datasets", [])
        ]
        if datasets:
            client.log_inputs(run_id, datasets=datasets)
        if run["status"] == "SCHEDULED":
            # update_run keeps the end time empty, where set_terminated would stamp one.
            client.update_run(run_id, status="SCHEDULED")
        elif run["status"] != "RUNNING":
            client.set_terminated(run_id, status=run["status"], end_time=run["endTime"])
    except MlflowException as error:
        raise SeedError(f"run {run['name']!r}: {error}") from error
    return run_id


def point_count(run: dict) -> int:
    return sum(len(points) for points in run["metrics"].values())


def seed_large_run(
    client: MlflowClient,
    run: dict,
    experiment_id: str,
    parent_id: str | None,
    backend_store_uri: str | None,
) -> str:
    started = time.monotonic()
    # Made here, in the background thread: opening the SQL store takes a second or two.
    batch_client = None if backend_store_uri is None else MlflowClient(backend_store_uri)
    run_id = seed_run(client, run, experiment_id, parent_id, batch_client)
    via = "REST" if batch_client is None else "the SQL store"
    log(
        f"logged large run {run['name']!r} ({point_count(run)} metric points, through {via}) "
        f"in {time.monotonic() - started:.1f}s"
    )
    return run_id


def seed_runs(
    client: MlflowClient,
    world: dict,
    experiment_ids: dict[str, str],
    backend_store_uri: str | None,
) -> dict[str, str]:
    """Log every world run, in world order except that a parent goes before its children (a child
    needs its parent's id); returns run name -> id in world order.

    Small runs go one at a time: the single-worker server is the bottleneck, and parallel clients
    gain nothing on them. Large runs (LARGE_RUN_POINTS) are started first and logged meanwhile,
    each in a background thread (the client is thread-safe for different runs), their batches in
    step order.
    """
    runs = {run["name"]: run for run in world["runs"]}
    started: dict[str, str | Future[str]] = {}
    large = [run for run in world["runs"] if point_count(run) >= LARGE_RUN_POINTS]

    def resolved(name: str) -> str:
        run_id = started[name]
        return run_id if isinstance(run_id, str) else run_id.result()

    with ThreadPoolExecutor(max_workers=max(1, len(large)), thread_name_prefix="seed") as pool:

        def start(run: dict) -> None:
            if run["name"] in started:
                return
            parent = run.get("parent")
            parent_id = None
            if parent is not None:
                start(runs[parent])
                parent_id = resolved(parent)
            experiment_id = experiment_ids[run["experiment"]]
            if point_count(run) >= LARGE_RUN_POINTS:
                started[run["name"]] = pool.submit(
                    seed_large_run, client, run, experiment_id, parent_id, backend_store_uri
                )
            else:
                started[run["name"]] = seed_run(client, run, experiment_id, parent_id)

        try:
            # Large runs first, so that they run beside all of the small ones.
            for run in large + world["runs"]:
                start(run)
            return {run["name"]: resolved(run["name"]) for run in world["runs"]}
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def log_run_artifacts(client: MlflowClient, world: dict, run_ids: dict[str, str], workdir: Path) -> int:
    """Write each run's artifact files (world JSON: `[{path, base64}]`) into a folder and log it with
    one log_artifacts call, as training code logs an output folder. Returns the number of files."""
    count = 0
    for run in world["runs"]:
        files = run.get("artifacts") or []
        if not files:
            continue
        folder = Path(tempfile.mkdtemp(prefix="artifacts-", dir=workdir))
        try:
            for file in files:
                target = folder / file["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(file["base64"]))
            client.log_artifacts(run_ids[run["name"]], str(folder))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        count += len(files)
    return count


def seed_logged_models(
    client: MlflowClient,
    world: dict,
    experiment_ids: dict[str, str],
    run_ids: dict[str, str],
    workdir: Path,
) -> dict[str, str]:
    """Create the world's LoggedModels in world order (so that their creation times follow it), with
    their files, final status and run output; returns model name -> id."""
    ids = {}
    for model in world.get("loggedModels") or []:
        source = model.get("sourceRun")
        source_run_id = run_ids[source] if source is not None else None
        try:
            model_id = client.create_logged_model(
                experiment_ids[model["experiment"]],
                name=model["name"],
                source_run_id=source_run_id,
                tags=model["tags"] or None,
                params=model["params"] or None,
                model_type=model.get("modelType"),
            ).model_id
            files = model.get("artifacts") or []
            if files:
                folder = Path(tempfile.mkdtemp(prefix="model-", dir=workdir))
                try:
                    for file in files:
                        data = base64.b64decode(file["base64"])
                        data = data.replace(b"{{model_id}}", model_id.encode())
                        data = data.replace(b"{{run_id}}", (source_run_id or "").encode())
                        target = folder / file["path"]
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(data)
                    client.log_model_artifacts(model_id, str(folder))
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
            for metric in model.get("metrics") or []:
                client.log_metric(
                    source_run_id,
                    metric["key"],
                    metric["value"],
                    timestamp=metric["timestamp"],
                    step=metric["step"],
                    dataset_name=metric.get("datasetName"),
                    dataset_digest=metric.get("datasetDigest"),
                    model_id=model_id,
                )
            status = LOGGED_MODEL_STATUSES[model["status"]]
            if status is not None:
                client.finalize_logged_model(model_id, status)
            if source_run_id is not None and model.get("outputStep") is not None:
                client.log_outputs(source_run_id, [LoggedModelOutput(model_id, model["outputStep"])])
        except MlflowException as error:
            raise SeedError(f"logged model {model['name']!r}: {error}") from error
        ids[model["name"]] = model_id
    return ids


def seed_registry(
    client: MlflowClient, world: dict, run_ids: dict[str, str], model_ids: dict[str, str]
) -> dict[str, list[str]]:
    """Register the world's models in world order, one step at a time (see the module doc);
    returns registered model name -> its version numbers."""

    def step(action):
        result = action()
        time.sleep(REGISTRY_STEP_SECONDS)
        return result

    versions: dict[str, list[str]] = {}
    for model in world.get("registeredModels") or []:
        name = model["name"]
        try:
            step(
                lambda: client.create_registered_model(
                    name, tags=model["tags"] or None, description=model.get("description")
                )
            )
            versions[name] = []
            for version in model["versions"]:
                source = version["source"]
                if "run" in source:
                    run_id = run_ids[source["run"]]
                    arguments = {"source": f"runs:/{run_id}/{source['path']}", "run_id": run_id}
                else:
                    model_id = model_ids[source["loggedModel"]]
                    arguments = {"source": f"models:/{model_id}", "model_id": model_id}
                created = step(
                    lambda: client.create_model_version(
                        name,
                        tags=version.get("tags") or None,
                        description=version.get("description"),
                        **arguments,
                    )
                )
                versions[name].append(str(created.version))
            for transition in model.get("transitions") or []:
                step(
                    lambda: client.transition_model_version_stage(
                        name,
                        str(transition["version"]),
                        transition["stage"],
                        archive_existing_versions=transition.get("archiveExistingVersions", False),
                    )
                )
            for alias, version in (model.get("aliases") or {}).items():
                step(lambda: client.set_registered_model_alias(name, alias, str(version)))
        except MlflowException as error:
            raise SeedError(f"registered model {name!r}: {error}") from error
    return versions


def prepare_git_checkout(workdir: Path) -> Path:
    """A git repository with real_usage_train.py committed as train.py, at a deterministic commit."""
    repo = workdir / "iris-classifier"
    # A kept --workdir may hold the checkout of an earlier seed; it is ours to replace.
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    shutil.copyfile(TRAIN_SCRIPT, repo / "train.py")
    env = {**os.environ, **GIT_ENV}
    for command in (
        ["git", "init", "--quiet", "--initial-branch=main"],
        ["git", "remote", "add", "origin", "https://github.com/runboard-demo/iris-classifier.git"],
        ["git", "add", "train.py"],
        ["git", "commit", "--quiet", "-m", "Train an iris classifier"],
    ):
        subprocess.run(command, cwd=repo, env=env, check=True, stdout=sys.stderr)
    return repo


# The training sessions per real-usage experiment, with the exit status each must end with: a
# normal one, and one that kills itself mid-training with SIGKILL (as the OOM killer would), which
# leaves its run RUNNING.
REAL_USAGE_SESSIONS = (([], 0), (["--crash"], -signal.SIGKILL))


def start_real_usage(tracking_uri: str, experiment: str, repo: Path) -> list[tuple[subprocess.Popen, int]]:
    """Start the training sessions, as a user would from the checkout. They run while the world
    runs are being logged; returns each process with its expected exit status."""
    env = {**os.environ, "MLFLOW_TRACKING_URI": tracking_uri, "PYTHONUNBUFFERED": "1"}
    return [
        (
            subprocess.Popen(
                [sys.executable, "train.py", "--experiment", experiment, *extra_args],
                cwd=repo,
                env=env,
                stdout=sys.stderr,
                stderr=sys.stderr,
            ),
            expected,
        )
        for extra_args, expected in REAL_USAGE_SESSIONS
    ]


def wait_real_usage(sessions: list[tuple[subprocess.Popen, int]]) -> None:
    for process, expected in sessions:
        returncode = process.wait()
        if returncode != expected:
            raise SeedError(f"{' '.join(process.args)} exited with {returncode}, expected {expected}")


def real_usage_runs(client: MlflowClient, experiment: str, experiment_id: str) -> list[dict]:
    runs = client.search_runs([experiment_id], order_by=["attributes.start_time ASC"], max_results=1000)
    return [
        {
            "experiment": experiment,
            "name": run.info.run_name,
            "runId": run.info.run_id,
            "status": run.info.status,
            "parentRunId": run.data.tags.get(MLFLOW_PARENT_RUN_ID),
        }
        for run in runs
    ]


def seed(tracking_uri: str, world: dict, workdir: Path, backend_store_uri: str | None = None) -> dict:
    client = MlflowClient(tracking_uri)
    check_world(world)
    refuse_if_seeded(client, world)

    started = time.monotonic()
    experiment_ids = create_experiments(client, world)
    log(f"created {len(experiment_ids)} experiments in {time.monotonic() - started:.1f}s")

    real_usage = [e["name"] for e in world["experiments"] if e.get("realUsage")]
    sessions: list[tuple[subprocess.Popen, int]] = []
    try:
        if real_usage:
            repo = prepare_git_checkout(workdir)
            for experiment in real_usage:
                sessions += start_real_usage(tracking_uri, experiment, repo)

        phase = time.monotonic()
        run_ids = seed_runs(client, world, experiment_ids, backend_store_uri)
        points = sum(point_count(run) for run in world["runs"])
        log(f"logged {len(run_ids)} runs with {points} metric points in {time.monotonic() - phase:.1f}s")

        phase = time.monotonic()
        files = log_run_artifacts(client, world, run_ids, workdir)
        log(f"logged {files} artifact files in {time.monotonic() - phase:.1f}s")

        phase = time.monotonic()
        model_ids = seed_logged_models(client, world, experiment_ids, run_ids, workdir)
        log(f"logged {len(model_ids)} logged models in {time.monotonic() - phase:.1f}s")

        phase = time.monotonic()
        registered = seed_registry(client, world, run_ids, model_ids)
        log(f"registered {len(registered)} models in {time.monotonic() - phase:.1f}s")

        phase = time.monotonic()
        wait_real_usage(sessions)
        if sessions:
            log(f"waited {time.monotonic() - phase:.1f}s more for the real-usage scripts")
    finally:
        # On failure, do not leave training scripts writing into the server.
        for process, _ in sessions:
            if process.poll() is None:
                process.kill()
                process.wait()

    # Runs first, then experiments: deleting an experiment soft-deletes the runs it still has.
    for run in world["runs"]:
        if run.get("deleted"):
            client.delete_run(run_ids[run["name"]])
    for experiment in world["experiments"]:
        if experiment.get("deleted"):
            client.delete_experiment(experiment_ids[experiment["name"]])

    log(f"seeded in {time.monotonic() - started:.1f}s")
    return {
        "experiments": experiment_ids,
        "runs": run_ids,
        "loggedModels": model_ids,
        "registeredModels": registered,
        "realUsageRuns": [
            run
            for experiment in real_usage
            for run in real_usage_runs(client, experiment, experiment_ids[experiment])
        ],
    }


def main() -> int:
    args = parse_args()
    world = json.loads(args.world.read_text(encoding="utf-8"))
    # Whatever MLflow or this script prints goes to stderr: stdout carries only the summary.
    try:
        with contextlib.redirect_stdout(sys.stderr):
            if args.workdir is not None:
                args.workdir.mkdir(parents=True, exist_ok=True)
                summary = seed(args.tracking_uri, world, args.workdir, args.backend_store_uri)
            else:
                with tempfile.TemporaryDirectory(prefix="runboard-seed-") as workdir:
                    summary = seed(args.tracking_uri, world, Path(workdir), args.backend_store_uri)
    except SeedError as error:
        print(f"seed.py: {error}", file=sys.stderr)
        return 2
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
