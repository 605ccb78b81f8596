using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Configuration;

/// <summary>
/// The data annotations of an options class and of the option classes it holds, each failure naming the
/// setting by its full key (<c>Limits:Hyperparameters:MaxEpochs</c>) and how to set it, so that an operator
/// reading the one line the service prints at start-up knows what to change.
/// </summary>
public sealed class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = Failures(section, options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(string path, object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var key = member is null ? path : $"{path}:{member}";
            var message = member is null ? result.ErrorMessage : result.ErrorMessage?.Replace($"The field {member}", key, StringComparison.Ordinal);
            yield return $"{message} Set {key.Replace(":", "__", StringComparison.Ordinal)} (or {key} in appsettings.json) accordingly, or leave it out for the default.";
        }
        foreach (var property in options.GetType().GetProperties().Where(p => p.PropertyType.Namespace?.StartsWith("Forecast.", StringComparison.Ordinal) == true && p.PropertyType.IsClass))
        {
            if (property.GetValue(options) is { } nested)
            {
                foreach (var failure in Failures($"{path}:{property.Name}", nested))
                {
                    yield return failure;
                }
            }
        }
    }
}
