using System.Reflection;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Configuration;

/// <summary>
/// A configuration error at start-up becomes one line that names the setting and what to do, and a non-zero
/// exit, rather than a stack trace. Only when this service is the process: under a test host or EF Core's
/// tools the error is theirs to see as the exception it is.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 2;

    /// <summary>Checks every option class registered with ValidateOnStart, before anything touches the database.</summary>
    public static WebApplication ValidateForecastConfiguration(this WebApplication app)
    {
        app.Services.GetService<IStartupValidator>()?.Validate();
        return app;
    }

    public static bool IsReported(Exception error) =>
        Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly && Describe(error) is not null;

    /// <summary>The one line for a configuration error; null for any other exception, which stays a crash.</summary>
    public static string? Describe(Exception error) =>
        Reason(error) is { } reason ? $"Forecast cannot start: {reason.ReplaceLineEndings(" ")}" : null;

    private static string? Reason(Exception error) => error switch
    {
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        AggregateException many when many.InnerExceptions.Select(Reason).ToList() is var reasons && !reasons.Contains(null) => string.Join(" ", reasons),
        ConfigurationException configuration => configuration.Message,
        // The binder's message names the key and the value: "Failed to convert configuration value 'x' at 'Limits:MaxPoints' to type 'System.Int32'."
        InvalidOperationException binding when binding.Source == "Microsoft.Extensions.Configuration.Binder" =>
            $"{binding.Message} Correct that setting or leave it out for the default.",
        _ => null,
    };
}
