using Forecast.Domain.Runs;

namespace Forecast.Api.Contracts;

/// <summary>A run in a list: what it trains on, where it is, and its model once it has one.</summary>
/// <param name="SeriesId">The series it trains on; null for a collection's run.</param>
/// <param name="CollectionId">The collection it trains on; null for a series' run.</param>
public sealed record TrainingRunListItem(
    Guid Id,
    Guid? SeriesId,
    Guid? CollectionId,
    TrainingRunStatus Status,
    int Epoch,
    int TotalEpochs,
    Guid? ModelId,
    DateTime CreatedAt,
    DateTime? FinishedAt);

/// <summary>A model in a list, of a series or of a collection.</summary>
/// <param name="Method">The forecasting method: "lstm", or a statistical method such as "ets".</param>
/// <param name="Mase">Multi-step MASE on the test tail; for a collection's model, the mean over its members.</param>
public sealed record ModelListItem(
    Guid Id,
    Guid RunId,
    Guid? SeriesId,
    Guid? CollectionId,
    string Method,
    int TestSize,
    double? Mase,
    DateTime CreatedAt);
