using Forecast.Domain.Series;

namespace Forecast.Api.Contracts;

/// <summary>A series as JSON: values with their timestamps, or values with a start and a frequency.</summary>
/// <param name="Name">A name for people; 1 to 200 characters.</param>
/// <param name="Values">The observations, oldest first.</param>
/// <param name="Timestamps">One date per value (yyyy-MM-dd), strictly increasing. Leave out to use <paramref name="Start"/>.</param>
/// <param name="Start">Date of the first value when <paramref name="Timestamps"/> is left out.</param>
/// <param name="Frequency">daily, weekly, monthly, quarterly or yearly; inferred from the timestamps when left out.</param>
/// <param name="FillPolicy">What to do with missing periods: interpolate (default), forwardFill or refuse.</param>
public sealed record CreateSeriesRequest(
    string? Name,
    double[]? Values,
    DateOnly[]? Timestamps = null,
    DateOnly? Start = null,
    Frequency? Frequency = null,
    GapFillPolicy? FillPolicy = null);

public sealed record SeriesStatistics(double Mean, double StandardDeviation, double Min, double Max);

public sealed record SeriesResponse(
    Guid Id,
    string Name,
    Frequency Frequency,
    DateOnly Start,
    DateOnly End,
    int Count,
    GapFillPolicy FillPolicy,
    IReadOnlyList<DateOnly> FilledGaps,
    SeriesStatistics Statistics,
    DateTime CreatedAt,
    IReadOnlyList<double>? Values,
    Guid? CollectionId = null,
    string? Key = null);

public sealed record SeriesListItem(Guid Id, string Name, Frequency Frequency, DateOnly Start, DateOnly End, int Count, DateTime CreatedAt);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
