using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.ActivityLog;

/// <summary>One row of the Activity log grid.</summary>
public sealed record ActivityLogRow(
    Guid Id,
    string OperationName,
    string Status,
    DateTime Time,
    string ResourceName,
    string ResourceId,
    string ResourceType,
    string SubscriptionName,
    string Caller);

/// <summary>What the Activity log blade asks for: a subscription filter and a page, newest entries first.
/// <paramref name="Resource"/> narrows it to one resource and its children (a perimeter's Activity log blade).</summary>
public sealed record ActivityLogListQuery(Guid? Subscription, int Page, string? Resource = null)
{
    public const int PageSize = 50;

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        if (Subscription is { } s) parts.Add($"subscription={s}");
        var pageNumber = page ?? Page;
        if (pageNumber > 1) parts.Add($"page={pageNumber}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>A page of the activity log plus the subscriptions for the filter.</summary>
public sealed record ActivityLogListResult(IReadOnlyList<ActivityLogRow> Rows, int Total, IReadOnlyList<SubscriptionOption> Subscriptions);

/// <summary>Loads the Activity log grid (the entries the activity log interceptor wrote).</summary>
public static class ActivityLogList
{
    /// <summary>Only entries of subscriptions the caller may read (<paramref name="access"/>).</summary>
    public static async Task<ActivityLogListResult> LoadAsync(NspDbContext db, ActivityLogListQuery query, AccessGrants access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(access);
        var entries = db.ActivityLog.AsNoTracking();
        if (access.SubscriptionsWith(NspPermission.Read)?.ToArray() is { } readable)
        {
            entries = entries.Where(e => readable.Contains(e.SubscriptionId));
        }

        if (query.Subscription is { } subscription)
        {
            entries = entries.Where(e => e.SubscriptionId == subscription);
        }

        if (query.Resource is { } resource)
        {
            var key = resource.ToUpperInvariant();
            var children = key + "/";
            entries = entries.Where(e => e.ResourceIdKey == key || e.ResourceIdKey.StartsWith(children));
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var items = await entries.OrderByDescending(e => e.EventTimestamp).ThenBy(e => e.ResourceIdKey).ThenBy(e => e.Id)
            .Skip((page - 1) * ActivityLogListQuery.PageSize).Take(ActivityLogListQuery.PageSize)
            .ToListAsync(cancellationToken);
        var subscriptions = await ReadableSubscriptions.OptionsAsync(db, access, cancellationToken);
        var names = subscriptions.ToDictionary(s => s.Id, s => s.DisplayName);
        var rows = items.Select(e => new ActivityLogRow(e.Id, e.OperationName, e.Status, e.EventTimestamp, e.ResourceId.Split('/')[^1], e.ResourceId,
            e.ResourceType, names.GetValueOrDefault(e.SubscriptionId, e.SubscriptionId.ToString()), e.Caller)).ToList();
        return new ActivityLogListResult(rows, total, subscriptions);
    }

    /// <summary>"Create or Update Access Rule", "Delete Network Security Perimeter": the operation as the portal names it.</summary>
    public static string Describe(string operationName, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(operationName);
        var verb = operationName.EndsWith("/delete", StringComparison.OrdinalIgnoreCase) ? "Delete" : "Create or Update";
        var noun = resourceType.Split('/')[^1] switch
        {
            "networkSecurityPerimeters" => "Network Security Perimeter",
            "profiles" => "Profile",
            "accessRules" => "Access Rule",
            "resourceAssociations" => "Resource Association",
            "links" => "Link",
            "linkReferences" => "Link Reference",
            "loggingConfigurations" => "Logging Configuration",
            "resourceGroups" => "Resource Group",
            var other => other,
        };
        return $"{verb} {noun}";
    }
}
