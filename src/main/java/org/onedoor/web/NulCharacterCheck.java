package org.onedoor.web;

import java.util.List;
import java.util.Map;

import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Rejects request parameters that contain a NUL character (0x00) before any controller reads them. PostgreSQL text
 * cannot store that character, so without this check a search or form field holding it ends in a server error.
 */
@Configuration
class NulCharacterCheck implements WebMvcConfigurer, HandlerInterceptor {

    static final String MESSAGE = "The input contains a NUL character (0x00), which OneDoor cannot store. "
            + "Remove it and send the request again.";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldProblem> problems = request.getParameterMap().entrySet().stream()
                .filter(parameter -> containsNul(parameter.getKey(), parameter.getValue()))
                .map(Map.Entry::getKey)
                .map(name -> new FieldProblem(name.replace("\0", ""), MESSAGE))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return true;
    }

    private static boolean containsNul(String name, String[] values) {
        if (name.indexOf('\0') >= 0) {
            return true;
        }
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }
}
