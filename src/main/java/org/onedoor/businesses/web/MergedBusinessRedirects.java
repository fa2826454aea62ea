package org.onedoor.businesses.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onedoor.businesses.internal.merge.MergeService;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Redirects a GET of a merged business's profile, as page or API, with 308 Permanent Redirect to the business it was
 * merged into, so old links and bookmarks keep working.
 */
@Configuration
class MergedBusinessRedirects implements WebMvcConfigurer {

    private static final Pattern PROFILE_PATH = Pattern.compile("^(/api/v1)?/businesses/([0-9]{1,18})$");

    private final MergeService merges;

    MergedBusinessRedirects(MergeService merges) {
        this.merges = merges;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!"GET".equals(request.getMethod())) {
                    return true;
                }
                Matcher matcher = PROFILE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
                if (!matcher.matches()) {
                    return true;
                }
                return merges.mergedInto(Long.parseLong(matcher.group(2)))
                        .map(survivorId -> {
                            String prefix = matcher.group(1) == null ? "" : matcher.group(1);
                            response.setStatus(HttpStatus.PERMANENT_REDIRECT.value());
                            response.setHeader("Location", request.getContextPath() + prefix + "/businesses/" + survivorId);
                            return false;
                        })
                        .orElse(true);
            }
        }).addPathPatterns("/businesses/*", "/api/v1/businesses/*");
    }
}
