using System.Globalization;
using System.Text;
using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Domain;
using Forecast.Domain.Series;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Series;

/// <summary>A validated upload, ready to store.</summary>
public sealed record SeriesUpload(string Name, BuiltSeries Built);

/// <summary>What a CSV cannot say about itself, from the query string (a multipart form's own fields win).</summary>
public sealed record CsvUploadSettings(string? Name, string? Frequency, string? FillPolicy);

/// <summary>Reads <c>POST /api/series</c> bodies: JSON, a <c>text/csv</c> body, or a multipart field <c>file</c>.</summary>
public sealed class SeriesUploadReader(IOptions<LimitsOptions> limits)
{
    private readonly LimitsOptions limits = limits.Value;

    public async Task<SeriesUpload> ReadAsync(HttpRequest request, CsvUploadSettings csvSettings, CancellationToken cancellationToken)
    {
        var upload = await ReadBodyAsync(request, csvSettings, cancellationToken);
        CheckMagnitudes(upload.Built.Series.Values);
        return upload;
    }

    private async Task<SeriesUpload> ReadBodyAsync(HttpRequest request, CsvUploadSettings csvSettings, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType ?? "";
        if (request.HasJsonContentType())
        {
            var body = await request.ReadFromJsonAsync<CreateSeriesRequest>(cancellationToken)
                ?? throw new DomainValidationException("The request body is empty; send a JSON object with name and values.");
            return FromJson(body);
        }
        if (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var csv = await reader.ReadToEndAsync(cancellationToken);
            return FromCsv(csv, csvSettings.Name, csvSettings.Frequency, csvSettings.FillPolicy);
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file")
                ?? throw new DomainValidationException("The multipart body has no field named 'file'.", "file");
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var csv = await reader.ReadToEndAsync(cancellationToken);
            string? Field(string key, string? fromQuery) => form.TryGetValue(key, out var v) ? v.ToString() : fromQuery;
            return FromCsv(csv, Field("name", csvSettings.Name) ?? Path.GetFileNameWithoutExtension(file.FileName),
                Field("frequency", csvSettings.Frequency), Field("fillPolicy", csvSettings.FillPolicy));
        }
        throw new UnsupportedContentTypeException(
            $"Content type '{contentType}' is not accepted; send application/json, text/csv, or multipart/form-data with a field 'file'.");
    }

    private SeriesUpload FromJson(CreateSeriesRequest body)
    {
        var name = CheckName(body.Name);
        var values = body.Values ?? throw new DomainValidationException("values is required.", "values");
        var policy = body.FillPolicy ?? GapFillPolicy.Interpolate;
        if (body.Timestamps is { } timestamps)
        {
            if (body.Start is not null)
            {
                throw new DomainValidationException("Give either timestamps or start, not both.", "start");
            }
            return new SeriesUpload(name, SeriesBuilder.FromPoints(timestamps, values, body.Frequency, policy, limits.MaxPoints));
        }
        var start = body.Start ?? throw new DomainValidationException("Give timestamps, or start and frequency.", "timestamps");
        var frequency = body.Frequency ?? throw new DomainValidationException("frequency is required with start.", "frequency");
        return new SeriesUpload(name, SeriesBuilder.FromValues(start, frequency, values, limits.MaxPoints));
    }

    private SeriesUpload FromCsv(string csv, string? name, string? frequency, string? fillPolicy)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new DomainValidationException("The CSV is empty.", "file");
        }
        var points = CsvSeriesReader.Read(new StringReader(csv), limits.MaxPoints, limits.MaxCsvLineLength);
        var built = SeriesBuilder.FromPoints(points.Dates, points.Values,
            ParseEnum<Frequency>(frequency, "frequency"),
            ParseEnum<GapFillPolicy>(fillPolicy, "fillPolicy") ?? GapFillPolicy.Interpolate,
            limits.MaxPoints);
        return new SeriesUpload(CheckName(string.IsNullOrWhiteSpace(name) ? "series" : name), built);
    }

    // Finite values can still overflow what is computed from them (sums of squares in the statistics,
    // the metrics and the scaler), and an infinite statistic cannot even be written as JSON.
    private void CheckMagnitudes(IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Math.Abs(values[i]) > limits.MaxAbsoluteValue)
            {
                throw new DomainValidationException(string.Create(CultureInfo.InvariantCulture,
                    $"Value {i + 1} is {values[i]:G6}; values must lie within ±{limits.MaxAbsoluteValue:G3} (Limits:MaxAbsoluteValue), or their statistics overflow. Rescale the series (e.g. to thousands or millions)."),
                    "values");
            }
        }
    }

    private static string CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new DomainValidationException("name is required and may have at most 200 characters.", "name");
        }
        return name.Trim();
    }

    private static T? ParseEnum<T>(string? text, string field) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!int.TryParse(text, out _) && Enum.TryParse<T>(text, ignoreCase: true, out var value))
        {
            return value;
        }
        throw new DomainValidationException(
            $"{field} '{text}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.", field);
    }
}
