using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forecast.Api.Apis;

/// <summary>What each group of operations (the tag a <c>Map*Api</c> gives its routes) is about, for the document's readers.</summary>
internal sealed class OpenApiTags : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["API keys"] = "Client keys, created and revoked with the admin key; a key's secret is shown once.",
        ["Series"] = "Time series uploaded as JSON, CSV or multipart, with their statistics and filled gaps.",
        ["Collections"] = "Many series of one frequency uploaded at once; each member is a series.",
        ["Training runs"] = "LSTM training in the background: queue a run, follow its progress, loss curve and events, cancel it.",
        ["Models"] = "Trained models: metrics against baselines, the evaluation on the test tail, forecasts with prediction intervals.",
        ["Diagnostics"] = "Statistical tests of a series or of a model's residuals, with their reading in plain words.",
        ["Registry"] = "A key's training runs and models, and those of one series or collection, newest first.",
        ["Aliases"] = "Names such as production pointing at a series' or a collection's model, moved with a history, and forecasts through them.",
        ["Retraining"] = "Policies that retrain a series or a collection on a cron schedule, after new observations or when live accuracy slips, and promote the new model only if it beats the alias's current one.",
        ["Webhooks"] = "Signed notifications of finished runs to a URL of the key's, with every delivery try.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var used = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags?.AsEnumerable() ?? [])
            .Select(tag => tag.Name)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal);
        // A tag left out of the table keeps no description, which the document test and the lint report.
        document.Tags = new HashSet<OpenApiTag>(used.Select(name =>
            new OpenApiTag { Name = name, Description = Descriptions.GetValueOrDefault(name) }));
    }
}
