namespace Forecast.Domain;

/// <summary>
/// Text a client names things with (series, collections, member keys, API keys, idempotency keys). It refuses control
/// characters (NUL, line breaks, terminal escapes), which break logs, CSV downloads and the database's text, and the
/// Unicode bidirectional controls, which make a name display as other than it is ("Trojan Source", CVE-2021-42574),
/// and halves of surrogate pairs, which are no character at all.
/// </summary>
public static class PrintableText
{
    public static bool Is(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || IsBidirectionalControl(c) || char.IsLowSurrogate(c))
            {
                return false;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    // The embeddings and overrides (U+202A-U+202E), the isolates (U+2066-U+2069) and the marks (U+200E, U+200F, U+061C).
    private static bool IsBidirectionalControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
