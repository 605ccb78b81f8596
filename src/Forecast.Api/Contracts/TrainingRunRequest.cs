using Forecast.Domain.Evaluation;
using Forecast.Domain.Registry;
using Forecast.Domain.Runs;

namespace Forecast.Api.Contracts;

/// <summary>A training run as a client asks for it: the hyperparameters, all optional, and what to do with the model.</summary>
public sealed record TrainingRunRequest : HyperparameterRequest
{
    public TrainingRunRequest()
    {
    }

    /// <summary>A run of these hyperparameters, with no promotion, backtest or warm start yet.</summary>
    public TrainingRunRequest(HyperparameterRequest hyperparameters) : base(hyperparameters)
    {
    }

    /// <summary>
    /// Point an alias at the model once trained: <c>{"alias": "production", "onlyIfBetter": true}</c> moves it only if the
    /// new model's multi-step MASE beats the current holder's on the same (newest) points; the run records why it did or not.
    /// </summary>
    public PromotionRequest? Promote { get; init; }

    /// <summary>
    /// A rolling-origin backtest of the model once trained: <c>{"windows": 3, "step": 12, "refit": false}</c>, origins
    /// <c>step</c> periods apart (default the test size), the last at the test tail's origin; <c>refit</c> trains a model
    /// per earlier window on the points before it, and the cost ceiling counts each. On a collection's run the origins
    /// count back from each member's own test tail, and each window scores every member.
    /// </summary>
    public BacktestRequest? Backtest { get; init; }

    /// <summary>
    /// Start from a trained model's weights, <c>{"modelId": "..."}</c>, rather than random ones: a retrain on a grown series
    /// or collection that needs fewer epochs. A series' run starts from a series' model, a collection's run from a
    /// collection's. The run keeps the model's shape and transform (left out, they are taken from it) and its scaler (a
    /// collection's: each member's that the model learned; new members get their own), and continues its Adam step sizes with the momentum reset. The
    /// model's own weights are scored as epoch 0, which early stopping keeps unless an epoch beats them.
    /// </summary>
    public WarmStartRequest? WarmStartFrom { get; init; }
}
