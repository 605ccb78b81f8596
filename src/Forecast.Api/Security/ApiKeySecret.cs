using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Forecast.Api.Security;

/// <summary>
/// A client key reads <c>fk_{id}_{secret}</c>: the id (32 hex digits) finds the stored key, the secret
/// (32 random bytes, base64url) proves possession. Only the SHA-256 of the secret is stored. A fast hash
/// is enough because the secret has 256 random bits: slow, salted hashes exist for guessable passwords,
/// and nobody can guess through SHA-256 to a 256-bit secret, so every request can afford to check it.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "fk_";
    private const int SecretBytes = 32;

    public static (string Key, byte[] SecretHash) Create(Guid id)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{id:N}_{secret}", Hash(secret));
    }

    public static bool TryParse(string key, out Guid id, [NotNullWhen(true)] out string? secret)
    {
        id = Guid.Empty;
        secret = null;
        const int idLength = 32;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal)
            || key.Length <= Prefix.Length + idLength + 1
            || key[Prefix.Length + idLength] != '_'
            || !Guid.TryParseExact(key.AsSpan(Prefix.Length, idLength), "N", out id))
        {
            return false;
        }
        secret = key[(Prefix.Length + idLength + 1)..];
        return true;
    }

    /// <summary>Compares in constant time, so the answer's timing says nothing about how much of a guess was right.</summary>
    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    /// <summary>Hashing both sides first gives equal lengths, which <see cref="CryptographicOperations.FixedTimeEquals"/> needs to take constant time.</summary>
    public static bool SameKey(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(expected));

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
