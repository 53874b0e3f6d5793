import asyncio
import requests
from datetime import datetime
from typing import Optional
from fastapi import Request, Depends, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from . import admin_routes, templates
from config import config
from utils.helpers.fastapi_helpers import rate_limit, ClientInfo, get_client_info
from utils.helpers.logger import log
from utils.helpers.session_utils import create_user_session, update_session_activity, clear_user_session

# Note: Login attempt tracking moved to session-based approach
# The global dictionary approach was removed as unused

class LoginForm(BaseModel):
    username: str
    password: str
    recaptcha_response: Optional[str] = None

# ─── Login Handler ──────────────────────────────────────────────
@admin_routes.post('/login')
@rate_limit(max_requests=50, window=300)
async def login(
    request: Request,
    client_info: ClientInfo = Depends(get_client_info)
):
    # Enhanced debugging for form data parsing
    print("=== ADMIN LOGIN FUNCTION CALLED ===")  # Debug print
    content_type = request.headers.get('content-type', '')
    
    # Parse form data with better error handling
    form_data = None
    username = ''
    password = ''
    recaptcha_response = ''
    
    try:
        # Always use FastAPI's form parser first - it handles both urlencoded and multipart
        form = await request.form()
        
        # Convert FormData to dict for consistent handling
        form_data = {}
        for key in form:
            form_data[key] = form[key]
        
        # Extract values with debugging
        username = str(form_data.get('username', '')).strip()
        password = str(form_data.get('password', '')).strip()
        recaptcha_response = str(form_data.get('g-recaptcha-response', '')).strip()
                 
    except Exception as e:
        log.error(action="admin_login_parse_error", trace_info=client_info.ip_address,
                  message=f"Error parsing form data: {str(e)}", secure=False)
    
    # See for test mode
    test = True if config.is_testing() else False
    
    # Initialize attempt counter
    if 'login_attempts' not in request.session:
        request.session['login_attempts'] = 0

    error = None
    show_captcha = False

    # Load keys safely
    RECAPTCHA_SITE_KEY = config.RECAPTCHA_SITE_KEY
    RECAPTCHA_SECRET_KEY = config.RECAPTCHA_SECRET_KEY
    
    # Get client info for logging
    ip_address = client_info.ip_address

    ADMIN_USER = config.ADMIN_USERNAME
    ADMIN_PASS = config.ADMIN_PASSWORD

    request.session['login_attempts'] += 1

    # Only require captcha if keys exist
    if RECAPTCHA_SITE_KEY and RECAPTCHA_SECRET_KEY:
        if request.session['login_attempts'] >= 4:
            show_captcha = True

            if not recaptcha_response:
                error = "Please complete the reCAPTCHA."
                return templates.TemplateResponse(
                    'admin/login.html',
                    {
                        "request": request,
                        "error": error,
                        "show_captcha": show_captcha,
                        "site_key": RECAPTCHA_SITE_KEY
                    }
                )

            verify_url = "https://www.google.com/recaptcha/api/siteverify"
            payload = {
                'secret': RECAPTCHA_SECRET_KEY,
                'response': recaptcha_response
            }
            
            result = requests.post(verify_url, data=payload).json()

            if not result.get('success'):
                error = "Invalid reCAPTCHA. Please try again."
                log.warning(action="admin_recaptcha_failed", trace_info=ip_address, message="Failed reCAPTCHA verification", secure=False)
                return templates.TemplateResponse(
                    'admin/login.html',
                    {
                        "request": request,
                        "error": error,
                        "show_captcha": show_captcha,
                        "site_key": RECAPTCHA_SITE_KEY
                    }
                )

    # SECURITY: In production, don't allow test bypass
    if test and config.is_development():
        # Only allow test bypass in development mode
        if username == ADMIN_USER and password == ADMIN_PASS:
            # Create enhanced admin session
            create_user_session(
                request=request,
                user_id=1,  # Admin user ID
                device_id=client_info.device_id,
                ip_address=ip_address,
                admin_logged_in=True,
                admin_login_time=datetime.now().isoformat()
            )
            request.session.pop('login_attempts', None)  # Reset
            log.info(action="admin_login_test", trace_info=ip_address, message="Admin logged in (test mode)", secure=False)
            return RedirectResponse(url='/admin/', status_code=302)
    else:
        # Production mode - strict authentication
        if username == ADMIN_USER and password == ADMIN_PASS:
            # Create enhanced admin session
            create_user_session(
                request=request,
                user_id=1,  # Admin user ID
                device_id=client_info.device_id,
                ip_address=ip_address,
                admin_logged_in=True,
                admin_login_time=datetime.now().isoformat()
            )
            request.session.pop('login_attempts', None)  # Reset
            log.info(action="admin_login_success", trace_info=ip_address, message=f"Admin {username} logged in", secure=False)
            return RedirectResponse(url='/admin/', status_code=302)
        
    error = "Invalid credentials"
    log.warning(action="admin_login_failed", trace_info=ip_address, message=f"Failed login attempt for: {username}", secure=False)

    return templates.TemplateResponse(
        'admin/login.html',
        {
            "request": request,
            "error": error,
            "show_captcha": (RECAPTCHA_SITE_KEY and RECAPTCHA_SECRET_KEY and request.session.get('login_attempts', 0) >= 4),
            "site_key": RECAPTCHA_SITE_KEY
        }
    )
