using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;
using NspPortal.Web.Security.Authorization;
using NspPortal.Web.Security.Tokens;

namespace NspPortal.Web.Features.AccessControl;

/// <summary>Role assignments over the API, in the shape of ARM's <c>Microsoft.Authorization/roleAssignments</c>
/// (api-version 2022-04-01), so automation (and the CLI through the API) manages access exactly as the IAM blade does:
/// <list type="bullet">
/// <item><c>GET /providers/Microsoft.Authorization/roleAssignments</c> — at <c>/</c> (Read at the root);</item>
/// <item><c>GET /subscriptions/{id}/providers/Microsoft.Authorization/roleAssignments</c> — Read on the subscription;</item>
/// <item><c>PUT|DELETE …/roleAssignments/{guid}</c> — ManageAccess (Owner) on the subscription.</item>
/// </list>
/// <c>properties.roleDefinitionId</c> ends in Azure's built-in role GUIDs (Owner, Contributor, Reader; Troubleshooter is
/// the portal's own). <c>principalId</c> is the user's id; the user's e-mail is accepted too, and returned as
/// <c>principalName</c>.</summary>
internal static class RoleAssignmentsApi
{
    public const string ApiVersion = "2022-04-01";

    public static readonly IReadOnlyDictionary<NspRole, Guid> RoleDefinitionIds = new Dictionary<NspRole, Guid>
    {
        [NspRole.Owner] = Guid.Parse("8e3af657-a8ff-443c-a75c-2fe8c4bcb635"),
        [NspRole.Contributor] = Guid.Parse("b24988ac-6180-42a0-ab88-20f7382dd24c"),
        [NspRole.Reader] = Guid.Parse("acdd72a7-3385-48ef-bd42-f606fba81ae7"),
        [NspRole.Troubleshooter] = Guid.Parse("5c3f1a9e-7e2b-4f0e-9c61-2d4a8b1e6f30"),
    };

    private const string Collection = "providers/Microsoft.Authorization/roleAssignments";

    public static void MapRoleAssignmentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/" + Collection, (HttpContext c, NspDbContext db, CurrentAccess access) => ListAsync(c, db, access, NspScope.Root))
            .RequirePermission(NspPermission.Read).AtRootScope();
        endpoints.MapGet("/subscriptions/{subscriptionId:guid}/" + Collection,
                (Guid subscriptionId, HttpContext c, NspDbContext db, CurrentAccess access) => ListAsync(c, db, access, NspScope.Subscription(subscriptionId)))
            .RequirePermission(NspPermission.Read);
        endpoints.MapPut("/subscriptions/{subscriptionId:guid}/" + Collection + "/{name}", PutAsync)
            .RequirePermission(NspPermission.ManageAccess);
        endpoints.MapDelete("/subscriptions/{subscriptionId:guid}/" + Collection + "/{name}", DeleteAsync)
            .RequirePermission(NspPermission.ManageAccess);
    }

    private static async Task ListAsync(HttpContext context, NspDbContext db, CurrentAccess access, NspScope scope)
    {
        if (!CheckApiVersion(context, out var versionError))
        {
            await versionError;
            return;
        }

        if (!await access.AllowsAsync(NspPermission.Read, scope))
        {
            await Forbidden(context, NspPermission.Read, scope);
            return;
        }

        var rows = await new RoleAssignments(db).AtAsync(scope, context.RequestAborted);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = new JsonArray([.. rows.Select(ToJson)]) });
    }

    private static async Task PutAsync(Guid subscriptionId, string name, HttpContext context, NspDbContext db, CurrentAccess access)
    {
        if (!CheckApiVersion(context, out var versionError))
        {
            await versionError;
            return;
        }

        var scope = NspScope.Subscription(subscriptionId);
        if (!Guid.TryParseExact(name, "D", out var id))
        {
            await ArmErrors.WriteAsync(context, 400, "InvalidRoleAssignmentId", $"The role assignment ID '{name}' is not valid. The role assignment ID must be a GUID.");
            return;
        }

        var (body, bodyError) = await ReadBodyAsync(context);
        if (body is null)
        {
            await ArmErrors.WriteAsync(context, 400, "InvalidRequestContent", bodyError!);
            return;
        }

        var properties = body["properties"] as JsonObject;
        var roleDefinitionId = (properties?["roleDefinitionId"] as JsonValue)?.TryGetValue<string>(out var r) == true ? r : null;
        var principal = (properties?["principalId"] as JsonValue)?.TryGetValue<string>(out var p) == true ? p : null;
        if (RoleOf(roleDefinitionId) is not { } role)
        {
            await ArmErrors.WriteAsync(context, 400, "RoleDefinitionDoesNotExist", "properties.roleDefinitionId must name a role definition: …/roleDefinitions/{guid} of Owner, Contributor, Troubleshooter or Reader.");
            return;
        }

        var user = string.IsNullOrWhiteSpace(principal) || principal.Length > 256 || principal.Any(char.IsControl)
            ? null
            : await FindUserAsync(db, principal, context.RequestAborted);
        if (user is null)
        {
            await ArmErrors.WriteAsync(context, 400, "PrincipalNotFound", "properties.principalId must be the id (or e-mail) of an existing user.");
            return;
        }

        var existing = await db.RoleAssignments.AsNoTracking().Include(a => a.User).FirstOrDefaultAsync(a => a.Id == id, context.RequestAborted);
        if (existing is not null)
        {
            if (existing.UserId == user.Id && existing.Role == role && existing.Scope == scope.ToString())
            {
                await WriteJsonAsync(context, StatusCodes.Status200OK, ToJson(Row(existing)));
                return;
            }

            await ArmErrors.WriteAsync(context, 409, "RoleAssignmentUpdateNotPermitted", "Role assignments cannot be changed; delete it and create a new one.");
            return;
        }

        var outcome = await new RoleAssignments(db).AssignAsync(id, user.Id, scope, role, access.CallerName, context.RequestAborted);
        switch (outcome)
        {
            case RoleAssignmentOutcome.Done:
                var created = await db.RoleAssignments.AsNoTracking().Include(a => a.User).FirstAsync(a => a.Id == id, context.RequestAborted);
                await WriteJsonAsync(context, StatusCodes.Status201Created, ToJson(Row(created)));
                return;
            case RoleAssignmentOutcome.AlreadyAssigned:
                await ArmErrors.WriteAsync(context, 409, "RoleAssignmentExists", "The role assignment already exists.");
                return;
            default:
                await ArmErrors.WriteAsync(context, 409, "Conflict", "Role assignments changed at the same moment; nothing was changed. Retry.");
                return;
        }
    }

    private static async Task DeleteAsync(Guid subscriptionId, string name, HttpContext context, NspDbContext db)
    {
        if (!CheckApiVersion(context, out var versionError))
        {
            await versionError;
            return;
        }

        var scope = NspScope.Subscription(subscriptionId).ToString();
        var assignment = Guid.TryParseExact(name, "D", out var id)
            ? await db.RoleAssignments.AsNoTracking().Include(a => a.User).FirstOrDefaultAsync(a => a.Id == id && a.Scope == scope, context.RequestAborted)
            : null;
        if (assignment is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent; // ARM: deleting what is not there is not an error
            return;
        }

        var outcome = await new RoleAssignments(db).RemoveAsync(assignment.Id, context.RequestAborted);
        if (outcome == RoleAssignmentOutcome.Done)
        {
            await WriteJsonAsync(context, StatusCodes.Status200OK, ToJson(Row(assignment)));
            return;
        }

        await ArmErrors.WriteAsync(context, 409, "Conflict", "Role assignments changed at the same moment; nothing was changed. Retry.");
    }

    private static bool CheckApiVersion(HttpContext context, out Task error)
    {
        var version = context.Request.Query["api-version"].ToString();
        if (version == ApiVersion)
        {
            error = Task.CompletedTask;
            return true;
        }

        error = version.Length == 0
            ? ArmErrors.WriteAsync(context, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.")
            : ArmErrors.WriteAsync(context, 400, "InvalidApiVersionParameter", $"The api-version '{(version.Length > 40 ? version[..40] : version)}' is invalid. The supported version is '{ApiVersion}'.");
        return false;
    }

    private static Task Forbidden(HttpContext context, NspPermission permission, NspScope scope) =>
        ArmErrors.WriteAsync(context, 403, "AuthorizationFailed", new AccessDenial(permission, scope).ArmMessage(context.User.Identity?.Name ?? "unknown"));

    private static async Task<(JsonObject? Body, string? Error)> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > 64 * 1024)
        {
            return (null, "The request body is too large.");
        }

        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) is JsonObject body
                ? (body, null)
                : (null, "The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }
    }

    private static NspRole? RoleOf(string? roleDefinitionId)
    {
        var last = roleDefinitionId?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return Guid.TryParse(last, out var guid) && roleDefinitionId!.Contains("/roleDefinitions/", StringComparison.OrdinalIgnoreCase)
            ? RoleDefinitionIds.Where(kv => kv.Value == guid).Select(kv => (NspRole?)kv.Key).FirstOrDefault()
            : null;
    }

    /// <summary>By id, or by e-mail through Identity's upper-cased NormalizedEmail column.</summary>
    private static Task<NspUser?> FindUserAsync(NspDbContext db, string principal, CancellationToken cancellationToken)
    {
        var normalized = principal.ToUpperInvariant();
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == principal || u.NormalizedEmail == normalized, cancellationToken);
    }

    private static RoleAssignmentRow Row(RoleAssignmentEntity a) =>
        new(a.Id, a.UserId, a.User?.Email ?? a.UserId, a.Role, a.ParsedScope, false, a.CreatedAt, a.CreatedBy);

    private static JsonObject ToJson(RoleAssignmentRow a)
    {
        var scope = a.Scope.ToString();
        var prefix = a.Scope.IsRoot ? "" : scope;
        return new JsonObject
        {
            ["id"] = $"{prefix}/{Collection}/{a.Id:D}",
            ["name"] = a.Id.ToString("D"),
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["properties"] = new JsonObject
            {
                ["roleDefinitionId"] = $"{prefix}/providers/Microsoft.Authorization/roleDefinitions/{RoleDefinitionIds[a.Role]:D}",
                ["roleDefinitionName"] = a.Role.ToString(),
                ["principalId"] = a.UserId,
                ["principalName"] = a.UserEmail,
                ["principalType"] = "User",
                ["scope"] = scope,
                ["createdOn"] = DateTime.SpecifyKind(a.CreatedAt, DateTimeKind.Utc).ToString("O"),
                ["createdBy"] = a.CreatedBy,
            },
        };
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
