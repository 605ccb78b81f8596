using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>The names and enumerations an upload gives in words, checked alike for series and collections.</summary>
public static class UploadNames
{
    public const int MaxNameLength = 200;

    public static string Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || !PrintableText.Is(name))
        {
            throw new DomainValidationException(
                $"name is required and may have at most {MaxNameLength} characters, none of them a control or bidirectional-override character.", "name");
        }
        return name.Trim();
    }

    /// <summary>An enumeration written as its camelCase name, case-insensitive; numbers are refused, since they say nothing.</summary>
    public static T? ParseEnum<T>(string? text, string field) where T : struct, Enum
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
