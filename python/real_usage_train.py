"""Train an iris classifier and track it with MLflow, the way a person's training script does.

seed.py commits this file as train.py in a scratch git repository and runs it from there with
MLFLOW_TRACKING_URI set, so MLflow itself fills the source and git tags, the user and the times:

    python train.py --experiment NAME           # baseline, sweep, a failed and a killed run
    python train.py --experiment NAME --crash   # a run whose process dies mid-training (stays RUNNING)

It only needs data that ships with scikit-learn, and logs the model with explicit pip requirements
(inferring them would spawn a slow subprocess). The baseline run also logs what people log from a
training loop or a notebook: a confusion matrix per epoch with `log_image(key=, step=)`, and plotly
figures, once with `log_figure` (which writes HTML that loads plotly.js from its CDN) and once as a
self-contained HTML file with plotly.js inside (a few MB).
"""

import argparse
import csv
import json
import os
import signal
import tempfile
from pathlib import Path

import mlflow
import mlflow.sklearn
import numpy as np
import plotly.graph_objects as go
import sklearn
import yaml
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from mlflow.models import infer_signature
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import ConfusionMatrixDisplay, accuracy_score, log_loss
from sklearn.model_selection import KFold, train_test_split

PIP_REQUIREMENTS = [f"mlflow=={mlflow.__version__}", f"scikit-learn=={sklearn.__version__}"]
SEED = 0


def load_data():
    iris = load_iris(as_frame=True)
    return train_test_split(iris.data, iris.target, test_size=0.3, random_state=SEED, stratify=iris.target)


def write_reports(directory: Path, model, x_test, y_test) -> None:
    """The files people keep next to a model: a plot, a report, the config and the predictions."""
    predictions = model.predict(x_test)
    # A bare Figure renders off-screen, with no pyplot state or display to manage.
    figure = Figure(figsize=(4, 4))
    ConfusionMatrixDisplay.from_predictions(y_test, predictions, ax=figure.subplots())
    figure.savefig(directory / "confusion_matrix.png", dpi=60)

    (directory / "metrics.json").write_text(
        json.dumps({"accuracy": accuracy_score(y_test, predictions), "n_test": len(y_test)}, indent=2)
    )
    (directory / "config.yaml").write_text(
        yaml.safe_dump({"model": type(model).__name__, **model.get_params()})
    )
    with open(directory / "predictions.csv", "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["row", "label", "prediction"])
        writer.writerows(zip(x_test.index, y_test, predictions, strict=True))


def confusion_matrix_image(y_true, y_pred) -> np.ndarray:
    """The confusion matrix as a small RGB image, rendered off-screen."""
    figure = Figure(figsize=(3, 3), dpi=40)
    ConfusionMatrixDisplay.from_predictions(y_true, y_pred, ax=figure.subplots(), colorbar=False)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, :3].copy()


def log_confusion_per_epoch(x_train, x_test, y_train, y_test, epochs: int) -> None:
    """An SGD model trained one epoch at a time, its test confusion matrix logged at every step."""
    model = SGDClassifier(loss="log_loss", random_state=SEED)
    classes = np.unique(y_train)
    for epoch in range(epochs):
        model.partial_fit(x_train.to_numpy(), y_train.to_numpy(), classes=classes)
        image = confusion_matrix_image(y_test, model.predict(x_test.to_numpy()))
        mlflow.log_image(image, key="confusion_matrix", step=epoch)


def petal_figure(x, predictions) -> go.Figure:
    return go.Figure(
        go.Scatter(
            x=x["petal length (cm)"],
            y=x["petal width (cm)"],
            mode="markers",
            marker={"color": predictions, "colorscale": "Viridis"},
        ),
        layout={"title": {"text": "Predicted class by petal size"}},
    )


def log_figures(model, x_test) -> None:
    """The same plotly figure twice: as log_figure writes it (plotly.js from the CDN), and as a
    self-contained file that works offline."""
    figure = petal_figure(x_test, model.predict(x_test))
    mlflow.log_figure(figure, "figures/cdn_figure.html")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "plotly_self_contained.html"
        figure.write_html(path, include_plotlyjs=True)
        mlflow.log_artifact(str(path), artifact_path="figures")


def train_baseline(x_train, x_test, y_train, y_test) -> None:
    """Autologged LogisticRegression, then the model, its reports, plotly figures and a confusion
    matrix per epoch logged by hand."""
    with mlflow.start_run(run_name="logreg-baseline"):
        mlflow.set_tag("stage", "baseline")
        model = LogisticRegression(max_iter=200, random_state=SEED).fit(x_train, y_train)
        mlflow.log_metric("test_accuracy", accuracy_score(y_test, model.predict(x_test)))
        mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(x_test, model.predict(x_test)),
            pip_requirements=PIP_REQUIREMENTS,
        )
        with tempfile.TemporaryDirectory() as directory:
            write_reports(Path(directory), model, x_test, y_test)
            mlflow.log_artifact(str(Path(directory) / "confusion_matrix.png"))
            mlflow.log_artifacts(directory, artifact_path="reports")
        log_figures(model, x_test)
        log_confusion_per_epoch(x_train, x_test, y_train, y_test, epochs=3)


def train_epochs(model, x, y, x_val, y_val, epochs: int) -> float:
    """SGD one epoch at a time, logging the curves; returns the last validation accuracy."""
    classes = np.unique(y)
    accuracy = 0.0
    for epoch in range(epochs):
        model.partial_fit(x, y, classes=classes)
        accuracy = accuracy_score(y_val, model.predict(x_val))
        mlflow.log_metric("train_loss", log_loss(y, model.predict_proba(x), labels=classes), step=epoch)
        mlflow.log_metric("val_accuracy", accuracy, step=epoch)
    return accuracy


def sweep(x_train, y_train) -> None:
    """A sweep -> one trial per alpha -> one run per fold: nested runs three levels deep."""
    x, y = x_train.to_numpy(), y_train.to_numpy()
    with mlflow.start_run(run_name="sgd-sweep"):
        mlflow.log_params({"search": "grid", "folds": 2})
        best = 0.0
        for alpha in (1e-4, 1e-2):
            with mlflow.start_run(run_name=f"alpha-{alpha:g}", nested=True):
                mlflow.log_param("alpha", alpha)
                scores = []
                for fold, (train, val) in enumerate(KFold(2, shuffle=True, random_state=SEED).split(x)):
                    with mlflow.start_run(run_name=f"alpha-{alpha:g}-fold-{fold}", nested=True):
                        mlflow.log_params({"alpha": alpha, "fold": fold})
                        model = SGDClassifier(loss="log_loss", alpha=alpha, random_state=SEED)
                        scores.append(train_epochs(model, x[train], y[train], x[val], y[val], epochs=10))
                mlflow.log_metric("cv_accuracy", float(np.mean(scores)))
                best = max(best, float(np.mean(scores)))
        mlflow.log_metric("best_cv_accuracy", best)


def failed_run(x_train, y_train) -> None:
    """Training on data with a missing value: the exception ends the run as FAILED."""
    x_broken = x_train.copy()
    x_broken.iloc[0, 0] = np.nan
    try:
        with mlflow.start_run(run_name="logreg-missing-values"):
            LogisticRegression(max_iter=200).fit(x_broken, y_train)
    except ValueError as error:
        print(f"training failed as intended: {error}")


def killed_run(x_train, y_train) -> None:
    """A long run stopped by Ctrl-C, which the script records as KILLED."""
    x, y = x_train.to_numpy(), y_train.to_numpy()
    mlflow.start_run(run_name="sgd-interrupted")
    mlflow.log_param("alpha", 1e-3)
    try:
        model = SGDClassifier(loss="log_loss", alpha=1e-3, random_state=SEED)
        classes = np.unique(y)
        for epoch in range(100):
            model.partial_fit(x, y, classes=classes)
            mlflow.log_metric("train_loss", log_loss(y, model.predict_proba(x), labels=classes), step=epoch)
            if epoch == 4:
                raise KeyboardInterrupt  # stands in for the user pressing Ctrl-C
    except KeyboardInterrupt:
        mlflow.end_run(status="KILLED")


def crashed_run(x_train, y_train) -> None:
    """The process dies mid-training (as under the OOM killer), so nothing ends the run."""
    x, y = x_train.to_numpy(), y_train.to_numpy()
    mlflow.start_run(run_name="sgd-crashed")
    mlflow.log_param("alpha", 1e-3)
    model = SGDClassifier(loss="log_loss", alpha=1e-3, random_state=SEED)
    classes = np.unique(y)
    for epoch in range(3):
        model.partial_fit(x, y, classes=classes)
        mlflow.log_metric("train_loss", log_loss(y, model.predict_proba(x), labels=classes), step=epoch)
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--experiment", required=True)
    parser.add_argument("--crash", action="store_true")
    args = parser.parse_args()

    mlflow.set_experiment(args.experiment)
    x_train, x_test, y_train, y_test = load_data()
    if args.crash:
        crashed_run(x_train, y_train)
        return
    mlflow.sklearn.autolog(log_models=False)
    train_baseline(x_train, x_test, y_train, y_test)
    sweep(x_train, y_train)
    failed_run(x_train, y_train)
    killed_run(x_train, y_train)


if __name__ == "__main__":
    main()
