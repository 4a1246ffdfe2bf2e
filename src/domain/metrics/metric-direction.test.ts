import { describe, expect, it } from 'vitest'
import { effectiveDirection, metricDirection, type MetricDirection } from './metric-direction'

describe('metricDirection', () => {
  const cases: [string, MetricDirection | undefined][] = [
    // Loss-like: lower is better.
    ['loss', 'lower'],
    ['val_loss', 'lower'],
    ['training_log_loss', 'lower'],
    ['eval/loss', 'lower'],
    ['train-loss', 'lower'],
    ['valLoss', 'lower'],
    ['Val Loss', 'lower'],
    ['val/box_loss', 'lower'],
    ['mean_absolute_error', 'lower'],
    ['error_rate', 'lower'],
    ['top1_err', 'lower'],
    ['mse', 'lower'],
    ['eval.rmse', 'lower'],
    ['valMAE', 'lower'],
    ['perplexity', 'lower'],
    ['eval_ppl', 'lower'],
    ['wer', 'lower'],
    ['test/cer', 'lower'],
    ['inference_latency_ms', 'lower'],
    ['epoch_time', 'lower'],
    ['train_runtime', 'lower'],
    ['step_duration', 'lower'],
    ['time_per_step', 'lower'],
    ['loss_per_token', 'lower'],
    ['wer_score', 'lower'],
    // Accuracy-like: higher is better.
    ['acc', 'higher'],
    ['val_acc', 'higher'],
    ['eval/accuracy', 'higher'],
    ['top_5_accuracy', 'higher'],
    ['acc5', 'higher'],
    ['f1', 'higher'],
    ['eval_f1', 'higher'],
    ['valF1', 'higher'],
    ['f1_score', 'higher'],
    ['precision', 'higher'],
    ['metrics/precision(B)', 'higher'],
    ['recall@10', 'higher'],
    ['auc', 'higher'],
    ['roc_auc', 'higher'],
    ['rocAuc', 'higher'],
    ['r2', 'higher'],
    ['r2_score', 'higher'],
    ['eval_score', 'higher'],
    ['bleu', 'higher'],
    ['bleu4', 'higher'],
    ['rouge1', 'higher'],
    ['eval_rougeLsum', 'higher'],
    ['map', 'higher'],
    ['mAP', 'higher'],
    ['metrics/mAP50-95(B)', 'higher'],
    ['iou', 'higher'],
    ['meanIoU', 'higher'],
    ['mIoU', 'higher'],
    ['dice', 'higher'],
    ['throughput', 'higher'],
    ['train_samples_per_second', 'higher'],
    ['tokens_per_s', 'higher'],
    ['episode_reward', 'higher'],
    // Nothing to go on, or cues pulling both ways.
    ['system/gpu_utilization', undefined],
    ['system/cpu_utilization_percentage', undefined],
    ['lr', undefined],
    ['learning_rate', undefined],
    ['epoch', undefined],
    ['grad_norm', undefined],
    ['power', undefined],
    ['heatmap_entropy', undefined],
    ['timestamp', undefined],
    ['tokens_per_batch', undefined],
    ['accuracy_loss', undefined],
    ['time_to_accuracy', undefined],
    ['', undefined],
  ]

  it.each(cases)('%s -> %s', (key, expected) => {
    expect(metricDirection(key)).toBe(expected)
  })
})

describe('effectiveDirection', () => {
  const cases: [string, readonly string[], MetricDirection | undefined][] = [
    ['val_loss', [], 'lower'],
    ['val_loss', ['val_loss'], 'higher'],
    ['accuracy', ['accuracy'], 'lower'],
    ['accuracy', ['val_loss'], 'higher'],
    ['lr', [], undefined],
    // A name with no direction opts into "higher is better" when flipped.
    ['lr', ['lr'], 'higher'],
  ]

  it.each(cases)('%s flipped %j -> %s', (key, flipped, expected) => {
    expect(effectiveDirection(key, new Set(flipped))).toBe(expected)
  })
})
