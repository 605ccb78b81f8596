using System.Text.RegularExpressions;

namespace Forecast.Domain.Registry;

/// <summary>
/// The name of an alias a client forecasts through (<c>production</c>, <c>staging</c>, <c>challenger-2</c>): lower-case
/// letters, digits and hyphens, starting with a letter, at most 40 characters, so that it reads well in a URL.
/// </summary>
public static partial class AliasName
{
    /// <summary>The alias a series' or collection's forecast uses when none is named.</summary>
    public const string Production = "production";

    public const int MaxLength = 40;

    /// <exception cref="DomainValidationException">The name breaks the rule.</exception>
    public static string Check(string name) =>
        IsValid(name)
            ? name
            : throw new DomainValidationException(
                $"An alias name is lower-case letters, digits and hyphens, starting with a letter, at most {MaxLength} characters; got '{name}'.", "name");

    /// <summary>Whether <paramref name="name"/> keeps the rule; other names that appear in URLs (a retraining policy's) keep it too.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
