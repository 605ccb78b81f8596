"""Scores combinations of the ensemble's component forecasts (written by the collections benchmark's parts=FILE).

Usage: python3 benchmarks/ensemble-combinations.py validation.csv [test.csv RULE]
Without a test file: every rule's mean MASE on the validation parts, per set. With one: the named rule on the test tails.
"""
import csv, sys, statistics, collections

def load(path):
    data = collections.defaultdict(lambda: collections.defaultdict(dict))  # (set, member) -> method -> step -> (f, a, scale)
    for row in csv.reader(open(path)):
        s, member, method, step, f, a, scale = row
        data[(s, member)][method][int(step)] = (float(f), float(a), float(scale))
    return data

def mase(forecast, actual, scale):
    return sum(abs(f - a) for f, a in zip(forecast, actual)) / len(actual) / scale

COMPONENTS = ['lstm', 'ets', 'arima', 'theta']

def median(xs):
    return statistics.median(xs)

def mean(xs):
    return sum(xs) / len(xs)

RULES = {
    'median4': lambda c: median([c[m] for m in COMPONENTS]),
    'mean4': lambda c: mean([c[m] for m in COMPONENTS]),
    'mean-ets-arima-theta': lambda c: mean([c['ets'], c['arima'], c['theta']]),
    'median-ets-arima-theta': lambda c: median([c['ets'], c['arima'], c['theta']]),
    'mean-lstm-ets-arima': lambda c: mean([c['lstm'], c['ets'], c['arima']]),
    'median-lstm-ets-arima': lambda c: median([c['lstm'], c['ets'], c['arima']]),
    'mean-lstm-ets': lambda c: mean([c['lstm'], c['ets']]),
    'mean-lstm-arima': lambda c: mean([c['lstm'], c['arima']]),
    'mean-lstm-and-statistical-median': lambda c: mean([c['lstm'], median([c['ets'], c['arima'], c['theta']])]),
    'mean-lstm-and-statistical-mean': lambda c: mean([c['lstm'], mean([c['ets'], c['arima'], c['theta']])]),
}
for m in COMPONENTS:
    RULES[m] = (lambda name: lambda c: c[name])(m)

def score(data, rule):
    per_set = collections.defaultdict(list)
    for (s, member), methods in data.items():
        steps = sorted(methods['lstm'])
        scale = methods['lstm'][steps[0]][2]
        if scale <= 0:
            continue
        actual = [methods['lstm'][k][1] for k in steps]
        combined = [RULES[rule]({m: methods[m][k][0] for m in COMPONENTS}) for k in steps]
        per_set[s].append(mase(combined, actual, scale))
    return {s: mean(v) for s, v in per_set.items()}

if __name__ == '__main__':
    validation = load(sys.argv[1])
    if len(sys.argv) == 2:
        rows = []
        for rule in RULES:
            scores = score(validation, rule)
            rows.append((mean(list(scores.values())), rule, scores))
        for avg, rule, scores in sorted(rows):
            print(f"{rule:36s} " + "  ".join(f"{s} {v:.3f}" for s, v in sorted(scores.items())) + f"  mean {avg:.3f}")
    else:
        test = load(sys.argv[2])
        rule = sys.argv[3]
        print(rule, score(test, rule))
