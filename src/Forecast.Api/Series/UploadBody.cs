using System.Text;
using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>
/// What an upload's body holds, whichever way it came: JSON, or CSV text from a <c>text/csv</c> body or a multipart
/// field <c>file</c>. A multipart form may carry the settings a CSV cannot say about itself as fields of its own,
/// which win over the query string's. Series and collections are uploaded the same three ways.
/// </summary>
public sealed class UploadBody<TJson> where TJson : class
{
    private readonly IFormCollection? form;

    internal UploadBody(TJson? json, string? csv, IFormCollection? form, string? fileName)
    {
        Json = json;
        Csv = csv;
        this.form = form;
        FileName = fileName;
    }

    /// <summary>The JSON body; null when the body is CSV.</summary>
    public TJson? Json { get; }

    /// <summary>The CSV text; null when the body is JSON.</summary>
    public string? Csv { get; }

    /// <summary>The uploaded file's name without its extension, for a multipart upload; else null.</summary>
    public string? FileName { get; }

    /// <summary>A form field of a multipart upload, else <paramref name="fromQuery"/>.</summary>
    public string? Field(string key, string? fromQuery) => form is not null && form.TryGetValue(key, out var value) ? value.ToString() : fromQuery;
}

/// <summary>Reads an upload's body into an <see cref="UploadBody{TJson}"/>.</summary>
public static class UploadBody
{
    /// <param name="emptyJson">What to say when the JSON body is empty.</param>
    /// <param name="csvFormat">What the CSV must look like, for the refusal of another content type.</param>
    /// <exception cref="UnsupportedContentTypeException">Neither JSON, CSV nor multipart.</exception>
    public static async Task<UploadBody<TJson>> ReadAsync<TJson>(HttpRequest request, string emptyJson, string csvFormat, CancellationToken cancellationToken) where TJson : class
    {
        var contentType = request.ContentType ?? "";
        if (request.HasJsonContentType())
        {
            var json = await request.ReadFromJsonAsync<TJson>(cancellationToken) ?? throw new DomainValidationException(emptyJson);
            return new UploadBody<TJson>(json, null, null, null);
        }
        // Read whole (the body limit bounds it): the CSV parser reads synchronously, which a request body does not allow.
        if (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return new UploadBody<TJson>(null, await ReadTextAsync(request.Body, cancellationToken), null, null);
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file")
                ?? throw new DomainValidationException("The multipart body has no field named 'file'.", "file");
            await using var stream = file.OpenReadStream();
            return new UploadBody<TJson>(null, await ReadTextAsync(stream, cancellationToken), form, Path.GetFileNameWithoutExtension(file.FileName));
        }
        throw new UnsupportedContentTypeException(
            $"Content type '{contentType}' is not accepted; send application/json, text/csv ({csvFormat}), or multipart/form-data with a field 'file'.");
    }

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
