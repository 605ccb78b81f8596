namespace Forecast.Domain.Runs;

/// <summary>A run asks to start from a trained model's weights rather than from random ones: <c>{"modelId": "..."}</c>.</summary>
public sealed record WarmStartRequest(Guid ModelId);

/// <summary>
/// The model a warm-started run starts from, and the shape it must keep: the weights only fit networks of the same
/// lookback, size, depth and ensemble, and they learned the series through the model's transform, its seasons (the
/// transform's lag or what it deseasonalizes by) and its scaler, which the run keeps. A collection's model keeps its run's transform choice, which may be "auto": each member it learned
/// keeps the transform and scaler the model chose for it.
/// </summary>
/// <param name="Transform">A series model's concrete pipeline; a collection model's choice.</param>
/// <param name="ContinuesOptimizer">Whether the model kept its optimiser's state for the run to continue; older models did not.</param>
/// <param name="Horizon">
/// The test size a collection's network forecasts at once, whose outputs the weights hold; null for a series' network,
/// which forecasts one step at a time whatever the test size.
/// </param>
/// <param name="Seasons">The model's seasonal periods, shortest first (<see cref="Hyperparameters.Seasons"/>).</param>
public sealed record WarmStartSource(
    Guid ModelId, int Lookback, int HiddenSize, int Layers, int EnsembleSize, TransformChoice Transform, bool ContinuesOptimizer, IReadOnlyList<int> Seasons,
    int? Horizon = null)
{
    public static WarmStartSource Of(Guid modelId, Hyperparameters trainedWith, TransformChoice transform, bool continuesOptimizer, bool keepsHorizon = false) =>
        new(modelId, trainedWith.Lookback, trainedWith.HiddenSize, trainedWith.Layers, trainedWith.EnsembleSize, transform, continuesOptimizer,
            trainedWith.Seasons, keepsHorizon ? trainedWith.TestSize : null);

    /// <summary>The request with the model's shape and transform wherever it leaves them out.</summary>
    public T Fill<T>(T request) where T : HyperparameterRequest => request with
    {
        Lookback = request.Lookback ?? Lookback,
        HiddenSize = request.HiddenSize ?? HiddenSize,
        Layers = request.Layers ?? Layers,
        EnsembleSize = request.EnsembleSize ?? EnsembleSize,
        Transform = request.Transform ?? Transform.ToString(),
        TestSize = request.TestSize ?? Horizon,
        SeasonalPeriod = request.SeasonalPeriod ?? (request.SeasonalPeriods is null && Seasons.Count == 1 ? Seasons[0] : null),
        SeasonalPeriods = request.SeasonalPeriods ?? (request.SeasonalPeriod is null && Seasons.Count > 1 ? Seasons : null),
    };

    /// <exception cref="UnprocessableException">The run, as resolved, has another shape or transform than the model.</exception>
    public void Check(Hyperparameters resolved)
    {
        Same("lookback", resolved.Lookback, Lookback);
        Same("hiddenSize", resolved.HiddenSize, HiddenSize);
        Same("layers", resolved.Layers, Layers);
        Same("ensembleSize", resolved.EnsembleSize, EnsembleSize);
        if (Horizon is { } horizon)
        {
            Same("testSize", resolved.TestSize, horizon);
        }
        if (!resolved.Seasons.SequenceEqual(Seasons))
        {
            var (field, what) = Seasons.Count > 1 || resolved.Seasons.Count > 1 ? ("seasonalPeriods", "seasonal periods") : ("seasonalPeriod", "seasonal period");
            throw new UnprocessableException(
                $"A warm start keeps its model's seasons, through which its weights learned the series: model {ModelId} has {what} {string.Join(", ", Seasons)}, this run asks for {string.Join(", ", resolved.Seasons)}. Leave {field} out, or train from scratch.",
                field);
        }
        if (resolved.Transform != Transform)
        {
            throw new UnprocessableException(
                $"A warm start keeps its model's transform ({Transform}); this run asks for {resolved.Transform}. Leave transform out, or train from scratch.",
                "transform");
        }
    }

    /// <summary>What the run's choices say about it.</summary>
    public string Explain() => $"started from the weights of model {ModelId} (same shape: lookback {Lookback}, hidden size {HiddenSize}, {Layers} layer(s), transform {Transform}) and the scaling it learned through, " +
        (ContinuesOptimizer ? "continuing its optimiser's step sizes with its momentum reset" : "with a fresh optimiser (the model kept no optimiser state)");

    private void Same(string field, int resolved, int model)
    {
        if (resolved != model)
        {
            throw new UnprocessableException(
                $"A warm start keeps its model's shape: model {ModelId} has {field} {model}, this run asks for {resolved}. Leave {field} out, or train from scratch.",
                field);
        }
    }
}
