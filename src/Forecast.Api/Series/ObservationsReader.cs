using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Domain;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Series;

/// <summary>New observations as read from a request: dated, or (null dates) continuing the series from its end.</summary>
public sealed record ObservationBatch(IReadOnlyList<DateOnly>? Dates, IReadOnlyList<double> Values);

/// <summary>Reads <c>POST /api/series/{id}/observations</c> bodies: JSON, a <c>text/csv</c> body, or a multipart field <c>file</c>.</summary>
public sealed class ObservationsReader(IOptions<LimitsOptions> limits)
{
    private readonly LimitsOptions limits = limits.Value;

    public async Task<ObservationBatch> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await UploadBody.ReadAsync<AppendObservationsRequest>(request,
            "The request body is empty; send a JSON object with values (and timestamps).", "a date and a value column", cancellationToken);
        var batch = body.Json is { } json
            ? new ObservationBatch(json.Timestamps, json.Values ?? throw new DomainValidationException("values is required.", "values"))
            : FromCsv(body.Csv!);
        ValueMagnitudes.Check(batch.Values, limits.MaxAbsoluteValue, prefix: "");
        return batch;
    }

    private ObservationBatch FromCsv(string csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new DomainValidationException("The CSV is empty.", "file");
        }
        var points = CsvSeriesReader.Read(new StringReader(csv), limits.MaxObservationsPerAppend, limits.MaxCsvLineLength);
        return new ObservationBatch(points.Dates, points.Values);
    }
}
