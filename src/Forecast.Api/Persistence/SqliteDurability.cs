using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forecast.Api.Persistence;

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> on every connection the service opens: unlike <c>journal_mode</c>, which is kept in
/// the file, it is a setting of the connection, and Microsoft.Data.Sqlite's connection string has no keyword for it.
/// With write-ahead logging, NORMAL never corrupts the database and loses nothing when the process dies (the common
/// failure: a crash, an OOM kill, a redeploy); a power loss or an OS crash may roll back the transactions since the last
/// checkpoint. FULL would survive that too at the price of an fsync in every commit, each epoch's record included
/// (docs/operations.md#durability has the measurements and the reasoning).
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Synchronous = "NORMAL";

    private const string Pragma = $"PRAGMA synchronous={Synchronous};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
