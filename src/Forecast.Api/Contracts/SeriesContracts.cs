using Forecast.Domain.Series;

namespace Forecast.Api.Contracts;

/// <summary>A series as JSON: values with their timestamps, or values with a start and a frequency.</summary>
/// <param name="Name">A name for people; 1 to 200 characters.</param>
/// <param name="Values">The observations, oldest first.</param>
/// <param name="Timestamps">
/// One timestamp per value, strictly increasing, all dates (2024-01-31) or all ISO 8601 date-times with an offset
/// (2024-01-31T13:00:00+01:00, stored in UTC). Leave out to use <paramref name="Start"/>.
/// </param>
/// <param name="Start">Timestamp of the first value when <paramref name="Timestamps"/> is left out.</param>
/// <param name="Frequency">minutes1, minutes5, minutes10, minutes15, minutes30, hourly, daily, weekly, monthly, quarterly or yearly; inferred from the timestamps when left out.</param>
/// <param name="FillPolicy">What to do with missing periods: interpolate (default), forwardFill or refuse.</param>
/// <param name="Covariates">
/// Known values that go with the series, by name (<c>{"price": [...]}</c>): value i with timestamp i (or period i from
/// start), at every one of them; values past the last are the known future, one a period after the series' end.
/// At most Limits:MaxCovariates names, none of value, date, series or timestamp.
/// </param>
/// <param name="Calendar">Holidays, events and calendar features the service generates covariates from, for every period; none of their names may be an uploaded covariate's.</param>
/// <param name="PastOnly">
/// The covariates known only as they happen (a measured temperature, footfall), never ahead: they may not run past the
/// series' end, and models read them among past inputs only. Every other covariate is known ahead (a price, a promotion),
/// which a forecast needs at each step it forecasts.
/// </param>
public sealed record CreateSeriesRequest(
    string? Name,
    double[]? Values,
    string[]? Timestamps = null,
    string? Start = null,
    Frequency? Frequency = null,
    GapFillPolicy? FillPolicy = null,
    Dictionary<string, double[]>? Covariates = null,
    CalendarRequest? Calendar = null,
    string[]? PastOnly = null);

public sealed record SeriesStatistics(double Mean, double StandardDeviation, double Min, double Max);

/// <summary>A covariate a series carries.</summary>
/// <param name="KnownUntil">The last period it has a value for.</param>
/// <param name="FuturePeriods">How many periods past the series' last value it is known: how far a forecast can reach with it.</param>
/// <param name="Values">Its values from the series' first period to <paramref name="KnownUntil"/>, when asked for with includeValues.</param>
/// <param name="PastOnly">Known only as it happens, never ahead (uploaded with pastOnly): models read it among past inputs only.</param>
public sealed record SeriesCovariate(string Name, string KnownUntil, int FuturePeriods, IReadOnlyList<double>? Values = null, bool PastOnly = false);

/// <param name="Start">The first period: a date for a daily or coarser series, an ISO 8601 UTC date-time for an hourly or minute one, as every timestamp of it in answers.</param>
/// <param name="Version">1 at upload, one more with every append of observations that changed the series or its covariates.</param>
/// <param name="Covariates">The uploaded covariates; the calendar's are listed under it.</param>
/// <param name="Calendar">The series' calendar; null for none.</param>
public sealed record SeriesResponse(
    Guid Id,
    string Name,
    Frequency Frequency,
    string Start,
    string End,
    int Count,
    GapFillPolicy FillPolicy,
    IReadOnlyList<string> FilledGaps,
    SeriesStatistics Statistics,
    IReadOnlyList<SeriesCovariate> Covariates,
    DateTime CreatedAt,
    int Version,
    IReadOnlyList<double>? Values,
    Guid? CollectionId = null,
    string? Key = null,
    CalendarResponse? Calendar = null);

public sealed record SeriesListItem(Guid Id, string Name, Frequency Frequency, string Start, string End, int Count, DateTime CreatedAt);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>New observations of a series as JSON.</summary>
/// <param name="Values">The observations, oldest first.</param>
/// <param name="Timestamps">One timestamp per value (as on upload), strictly increasing, on the series' grid; leave out to continue from its end.</param>
/// <param name="Covariates">
/// Values of the series' covariates by name, value i with observation i and those after the last observation with the periods
/// after it (its known future). A new period needs a value of every covariate unless the stored known future has it; a value
/// given for a period after the old end replaces the stored one; one for a period of the history must equal it unless revise=true.
/// </param>
public sealed record AppendObservationsRequest(double[]? Values, string[]? Timestamps = null, Dictionary<string, double[]>? Covariates = null);

/// <summary>What an append did to a series.</summary>
/// <param name="Version">The series' version after the append; unchanged when every observation and covariate value repeated a stored one.</param>
/// <param name="Appended">Observations after the old end.</param>
/// <param name="Unchanged">Observations equal to stored ones: no-ops.</param>
/// <param name="Supplied">Periods that held a filled value and now hold an observation.</param>
/// <param name="Revised">Periods whose observation was replaced (revise=true).</param>
/// <param name="FilledGaps">Periods missing before the new observations, filled by the series' fill policy.</param>
/// <param name="Covariates">The series' covariates after the append, and how far each is known.</param>
public sealed record ObservationsResponse(
    Guid SeriesId,
    int Version,
    int Count,
    string End,
    int Appended,
    int Unchanged,
    IReadOnlyList<string> Supplied,
    IReadOnlyList<string> Revised,
    IReadOnlyList<string> FilledGaps,
    IReadOnlyList<SeriesCovariate> Covariates);
