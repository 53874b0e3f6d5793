import reflex as rx
import sys
from ..branding import COLORS
from ..state import AuthState


class ManagePlanState(rx.State):
    """State for plan management"""
    # Current plan info
    current_tier_name: str = "free"
    current_display_name: str = "Free"
    current_price: float = 0.0
    current_tvl_limit: float = 2500.0
    current_position_limit: int = 1
    
    # Billing cycle dates (Stripe current)
    current_period_start: str = ""
    current_period_end: str = ""
    subscription_status: str = ""
    cancel_at_period_end: bool = False
    cancelled_at: str = ""
    trial_end: str = ""
    
    # Legacy billing dates
    billing_cycle_start: str = ""
    billing_cycle_end: str = ""
    legacy_status: str = ""
    
    # Account info
    account_created_at: str = ""
    subscription_created_at: str = ""
    subscription_updated_at: str = ""
    
    # Override flags
    has_tvl_override: bool = False
    has_position_override: bool = False
    is_beta_tester: bool = False
    
    # Stripe
    stripe_customer_id: str = ""
    stripe_subscription_id: str = ""
    
    # Current usage - will be synced from LPPositionState
    current_tvl: float = 0.0
    current_positions: int = 0
    
    # UI state
    active_tab: str = "overview"
    is_loading: bool = False
    error_message: str = ""
    
    def set_active_tab(self, tab: str):
        """Switch between tabs"""
        self.active_tab = tab
    
    def set_error_message(self, message: str):
        """Explicitly set error message"""
        self.error_message = message
    
    async def load_plan_data(self):
        """Load complete plan data including all billing dates"""
        try:
            from ..auth import get_supabase_client
            
            print("[MANAGE PLAN] Loading complete plan data", flush=True)
            sys.stdout.flush()
            
            # Get user ID and access token from auth state
            auth_state = await self.get_state(AuthState)
            user_id = auth_state.user_id
            access_token = auth_state.access_token
            
            if not user_id:
                print("[MANAGE PLAN] No user_id found", flush=True)
                sys.stdout.flush()
                return
            
            # Use get_supabase_client with access token for proper RLS
            supabase = get_supabase_client(access_token)
            print("[MANAGE PLAN] Using authenticated Supabase client with RLS", flush=True)
            sys.stdout.flush()
            
            # Query user_effective_limits VIEW (same as PlanStatusState - this works!)
            result = supabase.table("user_effective_limits").select("*").eq("user_id", user_id).execute()
            
            if result.data and len(result.data) > 0:
                plan = result.data[0]
                
                # Get tier info from view (already joined)
                self.current_tier_name = plan.get("tier_name", "free")
                self.current_display_name = plan.get("display_name", "Free")
                self.current_price = plan.get("price_monthly", 0.0)
                self.current_tvl_limit = plan.get("effective_tvl_limit", 2500.0)
                self.current_position_limit = plan.get("effective_position_limit", 1)
                
                # Overrides from view
                self.has_tvl_override = plan.get("has_tvl_override", False)
                self.has_position_override = plan.get("has_position_override", False)
                self.is_beta_tester = plan.get("is_beta_tester", False)
                
                print(f"[MANAGE PLAN] ✓ Loaded tier from view: {self.current_display_name}", flush=True)
                sys.stdout.flush()
            else:
                print("[MANAGE PLAN] No data in user_effective_limits, using free tier", flush=True)
                sys.stdout.flush()
                self.current_tier_name = "free"
                self.current_display_name = "Free"
                self.current_price = 0.0
                self.current_tvl_limit = 2500.0
                self.current_position_limit = 1
            
            # Query user_subscriptions table for date fields and Stripe info
            sub_result = supabase.table("user_subscriptions").select("*").eq("user_id", user_id).execute()
            
            print(f"[MANAGE PLAN] user_subscriptions query result:", flush=True)
            sys.stdout.flush()
            print(f"[MANAGE PLAN]   - Found {len(sub_result.data) if sub_result.data else 0} rows", flush=True)
            sys.stdout.flush()
            
            if sub_result.data and len(sub_result.data) > 0:
                sub = sub_result.data[0]
                
                print(f"[MANAGE PLAN] Raw subscription data:", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - stripe_customer_id: {sub.get('stripe_customer_id')}", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - stripe_subscription_id: {sub.get('stripe_subscription_id')}", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - current_period_start: {sub.get('current_period_start')}", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - current_period_end: {sub.get('current_period_end')}", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - subscription_status: {sub.get('subscription_status')}", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - billing_cycle_start: {sub.get('billing_cycle_start')}", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - billing_cycle_end: {sub.get('billing_cycle_end')}", flush=True)
                sys.stdout.flush()
                print(f"[MANAGE PLAN]   - created_at: {sub.get('created_at')}", flush=True)
                sys.stdout.flush()
                
                # Stripe info
                self.stripe_customer_id = sub.get("stripe_customer_id", "")
                self.stripe_subscription_id = sub.get("stripe_subscription_id", "")
                
                # Current billing dates (Stripe)
                self.current_period_start = sub.get("current_period_start") or ""
                self.current_period_end = sub.get("current_period_end") or ""
                self.subscription_status = sub.get("subscription_status") or ""
                self.cancel_at_period_end = sub.get("cancel_at_period_end", False)
                self.cancelled_at = sub.get("cancelled_at") or ""
                self.trial_end = sub.get("trial_end") or ""
                
                # Legacy billing dates
                self.billing_cycle_start = sub.get("billing_cycle_start") or ""
                self.billing_cycle_end = sub.get("billing_cycle_end") or ""
                self.legacy_status = sub.get("status") or ""
                
                # Subscription record dates
                self.subscription_created_at = sub.get("created_at") or ""
                self.subscription_updated_at = sub.get("updated_at") or ""
                
                print(f"[MANAGE PLAN] ✓ Loaded dates from user_subscriptions", flush=True)
                sys.stdout.flush()
            else:
                print(f"[MANAGE PLAN] ⚠ No user_subscriptions row found for user", flush=True)
                sys.stdout.flush()
            
            # Use subscription created_at as account signup proxy
            # (Can't use auth.admin.get_user_by_id with user token - requires service role)
            if self.subscription_created_at:
                self.account_created_at = self.subscription_created_at
                print(f"[MANAGE PLAN] ✓ Using subscription created_at as account date: {self.account_created_at[:19]}", flush=True)
                sys.stdout.flush()
            
            # Sync usage data from OverviewState
            from ..overview_state import OverviewState
            overview_state = await self.get_state(OverviewState)
            self.current_tvl = overview_state.total_value
            self.current_positions = overview_state.total_positions
            
            print(f"[MANAGE PLAN] ✓✓✓ Complete - Tier: {self.current_display_name}, TVL: ${self.current_tvl:,.2f}", flush=True)
            sys.stdout.flush()
            
        except Exception as e:
            print(f"[MANAGE PLAN ERROR] Failed to load plan data: {e}", flush=True)
            sys.stdout.flush()
            import traceback
            traceback.print_exc()
            sys.stdout.flush()
    
    async def load_current_plan(self):
        """Load user's current plan from Supabase"""
        try:
            import os
            from supabase import create_client
            from datetime import datetime
            
            print("[PLAN] Loading current plan from Supabase", flush=True)
            sys.stdout.flush()
            
            # Get user ID from auth state
            auth_state = await self.get_state(AuthState)
            user_id = auth_state.user_id
            
            if not user_id:
                print("[PLAN] No user_id found, skipping plan load", flush=True)
                sys.stdout.flush()
                return
            
            print(f"[PLAN]   - User ID: {user_id}", flush=True)
            sys.stdout.flush()
            
            # Initialize Supabase client
            supabase = create_client(
                os.getenv("SUPABASE_URL"),
                os.getenv("SUPABASE_KEY")
            )
            
            # Query user_effective_limits view for complete plan data
            result = supabase.table("user_effective_limits").select("*").eq("user_id", user_id).execute()
            
            if result.data and len(result.data) > 0:
                plan = result.data[0]
                print(f"[PLAN] ✓ Plan loaded from database", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Tier: {plan.get('tier_name', 'free')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Display Name: {plan.get('display_name', 'Free')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Price: ${plan.get('price_monthly', 0.0)}/mo", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Status: {plan.get('subscription_status', 'N/A')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Stripe Customer: {plan.get('stripe_customer_id', 'N/A')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Stripe Subscription: {plan.get('stripe_subscription_id', 'N/A')}", flush=True)
                sys.stdout.flush()
                
                # Update state with plan data
                self.current_tier_name = plan.get("tier_name", "free")
                self.current_display_name = plan.get("display_name", "Free")
                self.current_price = plan.get("price_monthly", 0.0)
                self.stripe_customer_id = plan.get("stripe_customer_id", "")
                self.stripe_subscription_id = plan.get("stripe_subscription_id", "")
                self.subscription_status = plan.get("subscription_status", "")
                self.current_period_start = plan.get("current_period_start", "")
                self.current_period_end = plan.get("current_period_end", "")
                self.current_tvl_limit = plan.get("effective_tvl_limit", 2500.0)
                self.current_position_limit = plan.get("effective_position_limit", 1)
                self.has_tvl_override = plan.get("override_tvl_limit") is not None
                self.has_position_override = plan.get("override_position_limit") is not None
                self.is_beta_tester = plan.get("is_beta_tester", False)
                
                print(f"[PLAN]   - TVL Limit: ${self.current_tvl_limit:,.0f}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Position Limit: {self.current_position_limit}", flush=True)
                sys.stdout.flush()
            else:
                print("[PLAN] No subscription found in database, using free tier", flush=True)
                sys.stdout.flush()
                self.current_tier_name = "free"
                self.current_display_name = "Free"
                self.current_price = 0.0
                self.current_tvl_limit = 2500.0
                self.current_position_limit = 1
            
            # Get account creation date from auth.users
            try:
                user_result = supabase.auth.admin.get_user_by_id(user_id)
                if user_result and hasattr(user_result, 'user'):
                    created_at = user_result.user.created_at
                    self.account_created_at = created_at if created_at else ""
                    print(f"[PLAN]   - Account Created: {self.account_created_at}", flush=True)
                    sys.stdout.flush()
            except Exception as e:
                print(f"[PLAN] Could not fetch account creation date: {e}", flush=True)
                sys.stdout.flush()
            
            # Sync usage data from OverviewState
            from ..overview_state import OverviewState
            overview_state = await self.get_state(OverviewState)
            self.current_tvl = overview_state.total_value
            self.current_positions = overview_state.total_positions
            
            print(f"[PLAN]   - Current TVL: ${self.current_tvl:,.2f}", flush=True)
            sys.stdout.flush()
            print(f"[PLAN]   - Current Positions: {self.current_positions}", flush=True)
            sys.stdout.flush()
                
        except Exception as e:
            print(f"[PLAN ERROR] Failed to load plan: {e}", flush=True)
            sys.stdout.flush()
            import traceback
            traceback.print_exc()
            sys.stdout.flush()
