using Forecast.Api.Collections;
using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Domain;
using Forecast.Domain.Series;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Series;

/// <summary>New observations as read from a request: timestamped, or (null dates) continuing the series from its end.</summary>
/// <param name="Lines">Where each came from in a CSV; null for JSON, whose refusals name the point's index.</param>
public sealed record ObservationBatch(IReadOnlyList<DateTime>? Dates, IReadOnlyList<double> Values, PointLines? Lines = null)
{
    /// <summary>The covariates, a CSV's rows or JSON's arrays.</summary>
    public GivenCovariates Covariates { get; init; } = GivenCovariates.None;

    /// <summary>Where each of a CSV's covariate rows came from.</summary>
    public PointLines? CovariateLines { get; init; }

    /// <summary>Runs a step on the observations, a refused one named by its CSV line where it has one.</summary>
    public T Blame<T>(Func<T> step) => Lines is null ? step() : Lines.Blame(step);

    /// <summary>Runs a step on the covariate rows, a refused row named by its CSV line where it has one.</summary>
    public T BlameCovariates<T>(Func<T> step) => CovariateLines is null ? step() : CovariateLines.Blame(step);

    /// <summary>The covariates as rows dated on <paramref name="series"/>, the one appended to (which dates JSON observations without timestamps).</summary>
    public CovariateRows CovariatesOn(RegularSeries series) => Covariates.On(series, Dates, Values.Count);
}

/// <summary>
/// Reads the bodies of <c>POST /api/series/{id}/observations</c> (JSON, a <c>text/csv</c> body of date and value, or a
/// multipart field <c>file</c>, either with covariates as on upload) and of <c>POST /api/collections/{id}/observations</c> (JSON, or a long CSV), each member's covariates as a series' are.
/// </summary>
public sealed class ObservationsReader(IOptions<LimitsOptions> limits)
{
    private readonly LimitsOptions limits = limits.Value;

    public async Task<ObservationBatch> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await UploadBody.ReadAsync<AppendObservationsRequest>(request,
            "The request body is empty; send a JSON object with values (and timestamps).", "a date and a value column", cancellationToken);
        var batch = body.Json is { } json
            ? new ObservationBatch(TimestampText.ParseAll(json.Timestamps, "timestamps"), json.Values ?? throw new DomainValidationException("values is required.", "values"))
            {
                Covariates = new GivenCovariates(CovariateRows.None, json.Covariates),
            }
            : FromCsv(body.Csv!);
        ValueMagnitudes.Check(batch.Values, limits.MaxAbsoluteValue, prefix: "");
        return batch;
    }

    /// <param name="idColumn">The long CSV's member id column, when it is not called series, id, unique_id or key.</param>
    public async Task<IReadOnlyList<MemberObservations>> ReadMembersAsync(HttpRequest request, string? idColumn, CancellationToken cancellationToken)
    {
        var body = await UploadBody.ReadAsync<AppendCollectionObservationsRequest>(request,
            "The request body is empty; send a JSON object with series: [{key, values, timestamps}].", "long format: series,date,value", cancellationToken);
        var batch = body.Json is { } json ? FromJson(json) : FromLongCsv(body.Csv!, body.Field("idColumn", idColumn));
        foreach (var member in batch)
        {
            ValueMagnitudes.Check(member.Values, limits.MaxAbsoluteValue, $"Member '{member.Key}': ");
        }
        return batch;
    }

    private static List<MemberObservations> FromJson(AppendCollectionObservationsRequest body) =>
        (body.Series ?? throw new DomainValidationException("series is required: a list of {key, values, timestamps}.", "series"))
        .Select((member, i) => new MemberObservations(
            member.Key ?? throw new DomainValidationException($"series[{i}]: key is required.", "series"),
            TimestampText.ParseAll(member.Timestamps, $"series[{i}].timestamps"),
            member.Values ?? throw new DomainValidationException($"Member '{member.Key}' (series[{i}]): values is required.", "series"),
            $"series[{i}]")
        {
            Covariates = new GivenCovariates(CovariateRows.None, member.Covariates),
        })
        .ToList();

    private List<MemberObservations> FromLongCsv(string csv, string? idColumn)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new DomainValidationException("The CSV is empty.", "file");
        }
        var members = CollectionCsvReader.Read(new StringReader(csv), idColumn, limits.MaxObservationsPerAppend,
            "the most one append may carry (Limits:MaxObservationsPerAppend)", limits.MaxCsvLineLength, limits.MaxCovariates);
        return [.. members.Select(m => new MemberObservations(m.Key, m.Dates, m.Values, m.Source) { Covariates = new GivenCovariates(m.Covariates, null) })];
    }

    private ObservationBatch FromCsv(string csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new DomainValidationException("The CSV is empty.", "file");
        }
        var points = CsvSeriesReader.Read(new StringReader(csv), limits.MaxObservationsPerAppend, limits.MaxCsvLineLength, limits.MaxCovariates);
        return new ObservationBatch(points.Dates, points.Values, points.Lines) { Covariates = new GivenCovariates(points.Covariates, null), CovariateLines = points.CovariateLines };
    }
}
