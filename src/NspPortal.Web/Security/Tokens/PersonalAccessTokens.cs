using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;

namespace NspPortal.Web.Security.Tokens;

/// <summary>Personal access tokens: <c>nsp_pat_</c> + 256 random bits (base64url). Only the SHA-256 of the token is
/// stored — a slow hash adds nothing for a secret with 256 bits of entropy, and lookups stay one indexed query. The
/// plain token exists once, in the answer to <see cref="CreateAsync"/>.</summary>
public sealed class PersonalAccessTokens(NspDbContext db, TimeProvider clock)
{
    public const string Prefix = "nsp_pat_";

    /// <summary>Lifetimes offered in the UI, in days. Tokens never live longer than a year.</summary>
    public static IReadOnlyList<int> LifetimeDays { get; } = [7, 30, 90, 180, 365];

    public const int MaxNameLength = 100;

    /// <summary>Last use is written at most this often per token, so a busy API client does not turn reads into writes.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token for <paramref name="userId"/>; returns it with the only copy of the secret.</summary>
    public async Task<(PersonalAccessTokenEntity Token, string Secret)> CreateAsync(string userId, string name, int lifetimeDays, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!LifetimeDays.Contains(lifetimeDays))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeDays), lifetimeDays, "Not an offered lifetime.");
        }

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new PersonalAccessTokenEntity
        {
            UserId = userId,
            Name = name.Trim(),
            TokenHash = Hash(secret),
            Hint = secret[..(Prefix.Length + 4)] + "…",
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetimeDays),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The tokens of <paramref name="userId"/>, newest first.</summary>
    public async Task<IReadOnlyList<PersonalAccessTokenEntity>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        (await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.CreatedAt).ToList();

    /// <summary>Revokes a token of <paramref name="userId"/>; false when there is no such token of theirs.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Checks a presented token: known, not revoked, not expired, owner still allowed to sign in. Records its
    /// last use. The outcome says why a token was refused (the API answers 401 with that reason).</summary>
    public async Task<TokenCheck> ValidateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return TokenCheck.Invalid;
        }

        var hash = Hash(presented);
        var row = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.User!.Email, t.User.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null || row.RevokedAt is not null)
        {
            return TokenCheck.Invalid;
        }

        if (row.ExpiresAt <= now)
        {
            return TokenCheck.Expired;
        }

        if (row.LockoutEnd is { } lockout && lockout.UtcDateTime > now)
        {
            return TokenCheck.Invalid;
        }

        if (row.LastUsedAt is null || now - row.LastUsedAt.Value >= LastUseResolution)
        {
            await db.PersonalAccessTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return TokenCheck.Valid(row.Id, row.UserId, row.Email ?? row.UserId);
    }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The outcome of checking a presented token.</summary>
public sealed record TokenCheck(TokenStatus Status, Guid TokenId = default, string UserId = "", string UserName = "")
{
    public static TokenCheck Invalid { get; } = new(TokenStatus.Invalid);

    public static TokenCheck Expired { get; } = new(TokenStatus.Expired);

    public static TokenCheck Valid(Guid tokenId, string userId, string userName) => new(TokenStatus.Valid, tokenId, userId, userName);
}

public enum TokenStatus
{
    Invalid,
    Expired,
    Valid,
}
