using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Forecast.Api.Tests;

/// <summary>
/// Every row of every table of a SQLite file, and its schema, as text that is equal only where the values are equal to
/// the bit (a REAL as its 64 bits, a BLOB as its bytes), rows sorted so that two files compare whatever their page layout.
/// </summary>
public sealed record SqliteContents(IReadOnlyDictionary<string, IReadOnlyList<string>> Tables)
{
    private const string Schema = "(schema)";

    public static SqliteContents Read(string file)
    {
        // Pooling off: a pooled connection would keep the file open after the test.
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [Schema] = Rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master"),
        };
        foreach (var table in Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        {
            var name = table.Trim('\'');
            tables[name] = Rows(connection, $"SELECT * FROM \"{name}\"");
        }
        return new SqliteContents(tables);
    }

    /// <summary>These contents without the rows that mention <paramref name="id"/> (a run's own, its loss entries, its checkpoint).</summary>
    public SqliteContents Without(Guid id) => new(Tables.ToDictionary(t => t.Key,
        t => (IReadOnlyList<string>)t.Value.Where(row => !row.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)).ToList()));

    /// <summary>These contents without <paramref name="table"/>'s rows.</summary>
    public SqliteContents WithoutRowsOf(string table) => new(Tables.ToDictionary(t => t.Key, t => t.Key == table ? [] : t.Value));

    /// <summary>The rows of <paramref name="table"/> that mention <paramref name="id"/>.</summary>
    public IReadOnlyList<string> RowsOf(string table, Guid id) =>
        Tables[table].Where(row => row.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Table by table, so that a difference names its table.</summary>
    public void AssertEqual(SqliteContents expected)
    {
        Assert.Equal(expected.Tables.Keys.Order(StringComparer.Ordinal), Tables.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in expected.Tables)
        {
            Assert.True(rows.SequenceEqual(Tables[table]), $"table {table} differs: {rows.Count} rows expected, {Tables[table].Count} found; first differing: {rows.Except(Tables[table]).Concat(Tables[table].Except(rows)).FirstOrDefault()}");
        }
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)))));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        double real => BitConverter.DoubleToInt64Bits(real).ToString("X16", CultureInfo.InvariantCulture),
        byte[] bytes => $"x'{Convert.ToHexString(bytes)}'",
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };
}
