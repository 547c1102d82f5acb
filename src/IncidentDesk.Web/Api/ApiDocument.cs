using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IncidentDesk.Web.Api;

/// <summary>
/// The API's own description, generated from the mapped endpoints at /openapi/v1.json. It lists only /api/v1 (the
/// pages and account endpoints are no API). Reading it needs a signed-in person, by token or by browser session:
/// it holds no data, only the shape of the API, and a GET cannot change anything, so the cookie is harmless here
/// while it lets a developer open the document in the browser they are signed in with.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string Pattern = "/openapi/{documentName}.json";
    private const string SchemeName = "Bearer";

    // The desk is the federation's own software, not published under an open licence: an SPDX reference says exactly that.
    private const string LicenseName = "Proprietary: the federation's internal software";
    private const string LicenseIdentifier = "LicenseRef-IncidentDesk-Proprietary";

    public static AuthorizationPolicy Policy { get; } =
        new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName, IdentityConstants.ApplicationScheme)
            .Combine(Policies.Fallback).Build();

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(ApiRoutes.Prefix.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            // The strict converters (StrictJson.cs) hide the types from the schema generator: say them again.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = "date-time";
                    schema.Description ??= "ISO 8601 with its offset, e.g. 2026-03-01T10:00:00-03:00; without one it is refused.";
                }
                else if (type == typeof(string))
                {
                    schema.Type = JsonSchemaType.String;
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer<ProblemResponses>();
            o.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "IncidentDesk API",
                    Version = Name,
                    Description = "Incidents, key figures, co-op involvement and timeline of the federation's breach-response desk. "
                        + "Authenticate with a personal access token (Authorization: Bearer idk_…); a token acts as its owner, "
                        + "with the same role and co-op scoping as the pages. Messages follow Accept-Language (pt-BR default, en-US). "
                        + "Every refusal is an RFC 7807 problem (application/problem+json).",
                    License = new OpenApiLicense { Name = LicenseName, Identifier = LicenseIdentifier },
                };
                // A base address ending in "/" joined with a path starting with "/" gives "//": tools refuse it, so name the server without it.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url is { Length: > 1 } url ? url.TrimEnd('/') : server.Url;
                }

                DescribeTags(document, context);
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "personal access token",
                    Description = "A personal access token from My account → API access tokens, or the operators' `users token` command.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });

    /// <summary>Each tag with the description its area gave (<see cref="ApiConventions.MapApiArea"/>), in alphabetical order.</summary>
    private static void DescribeTags(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        var areas = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiArea>())
            .DistinctBy(a => a.Tag)
            .ToDictionary(a => a.Tag, a => a.Description, StringComparer.Ordinal);
        var tags = (document.Tags ?? new HashSet<OpenApiTag>()).Select(t => t.Name).OfType<string>().Union(areas.Keys, StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(tags.Order(StringComparer.Ordinal)
            .Select(tag => new OpenApiTag { Name = tag, Description = areas.GetValueOrDefault(tag) }));
    }

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(Pattern).RequireAuthorization(Policy).WithMetadata(new NoStatusCodePages());
        return endpoints;
    }
}
