using Forecast.Domain.Runs;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecast.Api.Configuration;

public static class ConfigurationExtensions
{
    public static IHostApplicationBuilder AddForecastOptions(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<LimitsOptions>(LimitsOptions.Section);
        builder.AddValidatedOptions<TrainingOptions>(TrainingOptions.Section);
        builder.AddValidatedOptions<EventStreamOptions>(EventStreamOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new HyperparameterResolver(sp.GetRequiredService<IOptions<LimitsOptions>>().Value.Hyperparameters));
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>Options bound from <paramref name="section"/> and checked at start-up by their data annotations.</summary>
    public static IHostApplicationBuilder AddValidatedOptions<TOptions>(this IHostApplicationBuilder builder, string section) where TOptions : class
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section));
        return builder;
    }

    /// <summary>
    /// Strict JSON: numbers must be numbers (the web default also reads "12" from a string), an unknown property is
    /// an error, so a misspelt hyperparameter is reported rather than ignored, and so is a property given twice, which
    /// a lenient reader resolves by keeping the last (and a proxy or another service reading the same body, the first).
    /// The contracts' nullability and required constructor parameters are kept too: a missing or null field that the
    /// contract needs is the client's error, named as such, rather than a null deep in a handler.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
