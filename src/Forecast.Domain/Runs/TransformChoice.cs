using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecast.Domain.Runs;

/// <summary>
/// The transform a run asks for: the service's choice (<see cref="Auto"/>, decided while training from the
/// diagnostics and the candidates' validation errors) or one concrete <see cref="TransformPipeline"/>. Written
/// as its name, "auto" or a pipeline's, wherever it is stored or shown.
/// </summary>
[JsonConverter(typeof(TransformChoiceJsonConverter))]
public sealed record TransformChoice
{
    /// <summary>The name that leaves the choice to the service.</summary>
    public const string AutoName = "auto";

    private TransformChoice(TransformPipeline? pipeline) => Pipeline = pipeline;

    public static TransformChoice Auto { get; } = new((TransformPipeline?)null);

    /// <summary>The tutorial's: the network sees the series as it is.</summary>
    public static TransformChoice None { get; } = new(TransformPipeline.None);

    public static TransformChoice Of(TransformPipeline pipeline) => new(pipeline);

    /// <summary>The concrete pipeline; null while the service is still to choose it.</summary>
    public TransformPipeline? Pipeline { get; }

    public bool IsAuto => Pipeline is null;

    /// <summary>"auto", or a pipeline named like <see cref="TransformPipeline.ToString"/> (case-insensitive).</summary>
    /// <exception cref="DomainValidationException">Any other name.</exception>
    public static TransformChoice Parse(string name, string field = "transform") =>
        string.Equals(name, AutoName, StringComparison.OrdinalIgnoreCase) ? Auto : Of(TransformPipeline.Parse(name, field));

    public override string ToString() => Pipeline?.ToString() ?? AutoName;
}

/// <summary>A <see cref="TransformChoice"/> as the JSON string of its name.</summary>
public sealed class TransformChoiceJsonConverter : JsonConverter<TransformChoice>
{
    public override TransformChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? TransformChoice.Parse(reader.GetString()!)
            : throw new JsonException("A transform is written as a string: \"auto\" or a pipeline's name.");

    public override void Write(Utf8JsonWriter writer, TransformChoice value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
